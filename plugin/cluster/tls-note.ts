// The note every line naming a kubeconfig context reached without TLS verification carries.
export const TLS_NOT_VERIFIED = 'TLS NOT VERIFIED';

/** `where` as printed: with ` [TLS NOT VERIFIED]` at its end when the context it names is not verified. */
export const noted = (where: string, verified: boolean): string => (verified ? where : `${where} [${TLS_NOT_VERIFIED}]`);

/** The context a plan target or progress line names: `ctx` or `hub ctx`. */
export const targetContext = (target: string): string => (target.startsWith('hub ') ? target.slice(4) : target);

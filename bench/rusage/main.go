// Runs a program and writes its peak memory and CPU time as GNU time's `-f '%M %U %S'` does,
// to the microsecond (GNU time rounds CPU time to 10 ms, too coarse for a 100 ms process).
//
//	rusage -o FILE -- PROGRAM [ARGS...]
//
// Standard input, output and error are the program's; the exit status is the program's (128 + N
// when signal N ended it).
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	if len(os.Args) < 5 || os.Args[1] != "-o" || os.Args[3] != "--" {
		fmt.Fprintln(os.Stderr, "usage: rusage -o FILE -- PROGRAM [ARGS...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[4], os.Args[5:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(127)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	line := fmt.Sprintf("%d %.6f %.6f\n", ru.Maxrss, sec(ru.Utime), sec(ru.Stime))
	if werr := os.WriteFile(os.Args[2], []byte(line), 0o644); werr != nil {
		fmt.Fprintln(os.Stderr, "rusage:", werr)
	}
	status := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if status.Signaled() {
		os.Exit(128 + int(status.Signal()))
	}
	os.Exit(status.ExitStatus())
}

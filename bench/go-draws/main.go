// FlyteAdmin's execution draw in real Go, for flytemc's tests and benchmark: the same calls as
// flytestdlib/random (rand.New(rand.NewSource(int64(fnv64a(name)))).Float32()) and the same
// execution-name generator as `flytemc routes --simulate` (plugin/config/routes.ts).
//
//	go-draws draws N        Float32 bits (hex) of the draw for names exec0 .. exec<N-1>
//	go-draws names N SEED   N simulated execution names from SEED, one per line
//	go-draws simulate N SEED LABELS
//	                        what `routes --simulate N` computes: N names, then for each of LABELS
//	                        label sets a draw per name; prints only a checksum (for timing)
package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand"
	"os"
	"strconv"
)

func source(seed string) rand.Source {
	h := fnv.New64a()
	h.Write([]byte(seed))
	return rand.NewSource(int64(h.Sum64()))
}

func draw(name string) float32 { return rand.New(source(name)).Float32() }

func names(n int, seed string) []string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	r := rand.New(source(seed))
	out := make([]string, n)
	for i := range out {
		b := make([]byte, 20)
		b[0] = alphabet[int(math.Floor(r.Float64()*26))]
		for j := 1; j < 20; j++ {
			b[j] = alphabet[int(math.Floor(r.Float64()*float64(len(alphabet))))]
		}
		out[i] = string(b)
	}
	return out
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	n, _ := strconv.Atoi(os.Args[2])
	switch os.Args[1] {
	case "draws":
		for i := 0; i < n; i++ {
			fmt.Fprintf(w, "%08x\n", math.Float32bits(draw("exec"+strconv.Itoa(i))))
		}
	case "names":
		for _, s := range names(n, os.Args[3]) {
			fmt.Fprintln(w, s)
		}
	case "simulate":
		labels, _ := strconv.Atoi(os.Args[4])
		var sum float64
		for l := 0; l < labels; l++ {
			for _, s := range names(n, os.Args[3]) {
				sum += float64(draw(s))
			}
		}
		fmt.Fprintf(w, "%.6f\n", sum)
	}
}

// FlyteAdmin's execution draw in real Go, for flytemc's tests and benchmark: the same calls as
// flytestdlib/random (rand.New(rand.NewSource(int64(fnv64a(name)))).Float32()) and the same
// execution-name generator as `flytemc routes --simulate` (plugin/config/routes.ts).
//
//	go-draws draws N        Float32 bits (hex) of the draw for names exec0 .. exec<N-1>
//	go-draws names N SEED   N simulated execution names from SEED, one per line
//	go-draws routes N SEED LIST...
//	                        what `routes --simulate N` computes: N names from SEED, then for each
//	                        LIST (label=id:weight,id:weight,...; an empty list after = picks none)
//	                        FlyteAdmin's weighted pick per name; prints "label<TAB>id<TAB>count"
//	                        per cluster picked, in the order of the lists, ids sorted. The draw of
//	                        a name is made once and used for every list, as flytemc caches it.
//	go-draws routes-per-execution N SEED LIST...
//	                        the same, with a new draw (a newly seeded generator) for every name of
//	                        every list, as FlyteAdmin makes one per execution
package main

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
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

// One entry of FlyteAdmin's weighted random list (flytestdlib/random): ids sorted, cumulative
// float32 weights, zero weights left out unless all are zero (then all weigh equally).
type entry struct {
	id         string
	cumulative float32
}

type list struct {
	label   string
	entries []entry
	total   float32
}

func parseList(arg string) list {
	label, spec, _ := strings.Cut(arg, "=")
	type item struct {
		id     string
		weight float32
	}
	var items []item
	for _, part := range strings.Split(spec, ",") {
		if part == "" {
			continue
		}
		id, w, _ := strings.Cut(part, ":")
		f, err := strconv.ParseFloat(w, 64)
		if err != nil {
			fmt.Fprintf(os.Stderr, "go-draws: bad weight in %q\n", part)
			os.Exit(2)
		}
		items = append(items, item{id, float32(f)})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].id < items[j].id })
	var total float32
	for _, it := range items {
		total += it.weight
	}
	l := list{label: label}
	var current float32
	for _, it := range items {
		if total == 0 {
			current += 1.0 / float32(len(items))
		} else if it.weight == 0 {
			continue
		}
		current += it.weight
		l.entries = append(l.entries, entry{it.id, current})
	}
	l.total = current
	return l
}

func (l list) pick(d float32) string {
	if len(l.entries) == 0 {
		return "none"
	}
	r := d * l.total
	for _, e := range l.entries {
		if e.cumulative >= r && e.cumulative > 0 {
			return e.id
		}
	}
	return l.entries[len(l.entries)-1].id
}

func routes(w *bufio.Writer, n int, seed string, args []string, perExecution bool) {
	ns := names(n, seed)
	var once []float32
	if !perExecution {
		once = make([]float32, n)
		for i, s := range ns {
			once[i] = draw(s)
		}
	}
	for _, arg := range args {
		l := parseList(arg)
		counts := map[string]int{}
		for i, s := range ns {
			var d float32
			if perExecution {
				d = draw(s)
			} else {
				d = once[i]
			}
			counts[l.pick(d)]++
		}
		ids := make([]string, 0, len(counts))
		for id := range counts {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprintf(w, "%s\t%s\t%d\n", l.label, id, counts[id])
		}
	}
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
	case "routes", "routes-per-execution":
		routes(w, n, os.Args[3], os.Args[4:], os.Args[1] == "routes-per-execution")
	}
}

"""Speed and memory benchmarks (`qa bench`): every figure next to a reference measured in the same
run, as a ratio, because the machines they run on are shared and noisy."""

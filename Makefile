# lede — two commands on a fresh machine: `make serve` and `make test` (see README.md).
PORT ?= 8000
.PHONY: serve build test setup setup-test bench size instructions fuzz eval clean

serve: build
	python3 scripts/serve.py --port $(PORT)

build: setup
	bash scripts/build.sh

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

test: setup-test
	bash scripts/test.sh

# Dev-set scores with the reference scorers in ../shared/eval (needs ../shared).
eval:
	cargo build --profile eval
	./target/eval/lede eval ner --shared ../shared --out out/eval
	./target/eval/lede eval claims --shared ../shared --out out/eval
	./target/eval/lede eval clean --shared ../shared --out out/eval

# Speed, memory and first-load size against compromise and wink-nlp on the same texts
# (a benchmark, not a test; reads articles from ../shared, or SHARED=DIR). See bench/bench.mjs.
bench: build
	test -d tools/bench/node_modules || (cd tools/bench && npm ci --no-audit --no-fund)
	cargo build --release --example bench_native
	node bench/bench.mjs $(if $(SHARED),--shared $(SHARED)) --native target/release/examples/bench_native

# First-load size only (gzip -9 of everything the page fetches, and the wasm alone).
size: build
	node bench/bench.mjs --size-only

# Instructions one annotate of the 100 KB bench text costs in the page's wasm (callgrind,
# TurboFan only): a load-independent figure for comparing builds. Needs valgrind and the bench
# texts (make bench). See bench/instructions.sh.
instructions: build
	bash bench/instructions.sh

clean:
	cargo clean
	rm -rf www/pkg out

# Long reliability run (not in `make test`): property tests with many cases and hostile inputs
# at 1 MiB, both optimised, then libFuzzer on `analyze` and `clean` for FUZZ_SECS each
# (cargo-fuzz on the stable toolchain via RUSTC_BOOTSTRAP=1). Crashes land in fuzz/artifacts/.
FUZZ_SECS ?= 300
PROPTEST_CASES ?= 5000
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	PROPTEST_CASES=$(PROPTEST_CASES) cargo test --profile eval --test props
	LEDE_HOSTILE_BYTES=1048576 cargo test --profile eval --test hostile
	for t in analyze clean; do \
	  mkdir -p fuzz/corpus/$$t && \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O $$t fuzz/corpus/$$t fuzz/seeds -- \
	    -max_total_time=$(FUZZ_SECS) -max_len=65536 -print_final_stats=1 || exit 1; \
	done

# lede — two commands on a fresh machine: `make serve` and `make test` (see README.md).
PORT ?= 8000
.PHONY: serve build test setup setup-test bench fuzz eval clean

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

clean:
	cargo clean
	rm -rf www/pkg out

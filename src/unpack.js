// Rebuilds a wire value from its tape (src/wire/tape.rs writes it): one call from the wasm
// instead of one per object, field and string. Tags: 0 null, 1 false, 2 true, 3 int (inline),
// 4 number (index into `numbers`), 5 string (index into the table), 6 array (count, values),
// 7 object (count, then key index and value per field).
export function unpack(tape, numbers, strings, ends) {
  const table = new Array(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    table[i] = strings.slice(from, ends[i]);
    from = ends[i];
  }
  let at = 0;
  function value() {
    switch (tape[at++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return tape[at++];
      case 4: return numbers[tape[at++]];
      case 5: return table[tape[at++]];
      case 6: {
        const n = tape[at++];
        const array = [];
        for (let i = 0; i < n; i++) array.push(value());
        return array;
      }
      case 7: {
        const n = tape[at++];
        const object = {};
        for (let i = 0; i < n; i++) {
          const key = table[tape[at++]];
          object[key] = value();
        }
        return object;
      }
      default: throw new Error('lede: the result tape is corrupt at ' + (at - 1));
    }
  }
  return value();
}

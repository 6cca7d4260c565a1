#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (the runtime linked by -sanitize=fuzzer): parses libFuzzer's flags and runs `callback` on
// each input. A target calls it from main.swift, as SwiftPM makes every executable's `main` a Swift one.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

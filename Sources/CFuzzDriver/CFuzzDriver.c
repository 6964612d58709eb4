// Declarations only: the symbol comes from libFuzzer when built with -sanitize=fuzzer.
#include "CFuzzDriver.h"

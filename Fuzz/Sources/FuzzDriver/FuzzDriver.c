// A C target needs a source file; the declaration in include/FuzzDriver.h is all there is.
#include "FuzzDriver.h"

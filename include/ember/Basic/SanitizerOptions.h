//===- SanitizerOptions.h - AddressSanitizer defaults -----------*- C++ -*-===//
//
// Included once by each executable's main file. Under AddressSanitizer,
// LLVM's BumpPtrAllocator poisons the unused part of each slab in
// instrumented code, but the prebuilt libMLIR allocates from the same
// slabs without unpoisoning: reading a type it made would be reported as a
// use after poison. So the poisoning that code asks for is ignored; ASan
// still finds every use of freed or unallocated heap memory.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_BASIC_SANITIZEROPTIONS_H
#define EMBER_BASIC_SANITIZEROPTIONS_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}
#endif
#endif

#endif

//===- SanitizerOptions.h - AddressSanitizer defaults -----------*- C++ -*-===//
//
// Included once by each executable's main file. Under AddressSanitizer,
// LLVM's BumpPtrAllocator poisons the unused part of each slab in
// instrumented code, but the prebuilt libMLIR allocates from the same
// slabs without unpoisoning: reading a type it made would be reported as a
// use after poison. So the poisoning that code asks for is ignored; ASan
// still finds every use of freed or unallocated heap memory.
//
// LLVM installs its own alternate signal stack on the thread that first
// registers its signal handlers (the compiler's worker thread, when it
// opens an output file); ASan would unmap that stack as its own when the
// thread ends, and abort. So ASan keeps no alternate stack of its own.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_BASIC_SANITIZEROPTIONS_H
#define EMBER_BASIC_SANITIZEROPTIONS_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0:use_sigaltstack=0";
}
#endif
#endif

#endif

//===- FuzzInput.h - A fuzzer input as an Ember source file -----*- C++ -*-===//

#ifndef EMBER_FUZZ_FUZZINPUT_H
#define EMBER_FUZZ_FUZZINPUT_H

#include "ember/Basic/Diagnostic.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

namespace ember {

/// The fuzzer's bytes as the main file of a SourceMgr, with a diagnostic
/// engine that prints nothing. Like the driver, it takes only UTF-8.
struct FuzzInput {
  llvm::SourceMgr sourceMgr;
  std::unique_ptr<DiagnosticEngine> diags;
  llvm::StringRef text;

  bool load(const uint8_t *data, size_t size) {
    const auto *begin = reinterpret_cast<const llvm::UTF8 *>(data);
    if (!llvm::isLegalUTF8String(&begin, begin + size))
      return false;
    auto buffer = llvm::MemoryBuffer::getMemBufferCopy(
        llvm::StringRef(reinterpret_cast<const char *>(data), size), "fuzz");
    text = buffer->getBuffer();
    sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    DiagnosticOptions options;
    options.output = &llvm::nulls();
    options.maxErrors = 0;
    diags = std::make_unique<DiagnosticEngine>(sourceMgr, options);
    return true;
  }
};

/// Runs `fn` on a thread with the stack the driver gives the compiler, so
/// that inputs at the nesting limits behave as they do in emberc.
template <typename Fn> void runWithCompilerStack(Fn fn) {
  llvm::thread worker(std::optional<unsigned>(256u << 20), fn);
  worker.join();
}

} // namespace ember

#endif

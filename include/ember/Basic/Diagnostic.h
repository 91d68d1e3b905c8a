//===- Diagnostic.h - Ember's diagnostic engine -----------------*- C++ -*-===//
//
// Every error, warning and note goes through one DiagnosticEngine, which
// prints `file:line:col: error: message`, the source line and a caret.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_BASIC_DIAGNOSTIC_H
#define EMBER_BASIC_DIAGNOSTIC_H

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

namespace ember {

enum class DiagID {
#define DIAG(ID, KIND, TEXT) ID,
#include "ember/Basic/DiagnosticKinds.def"
};

enum class DiagKind { Error, Warning, Note };

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(llvm::SourceMgr &sourceMgr)
      : sourceMgr(sourceMgr) {}

  /// Reports diagnostic `id` at `range` with the catalog text formatted with
  /// `args`.
  template <typename... Args>
  void report(llvm::SMRange range, DiagID id, Args &&...args) {
    emit(range, id,
         llvm::formatv(getText(id), std::forward<Args>(args)...).str());
  }
  template <typename... Args>
  void report(llvm::SMLoc loc, DiagID id, Args &&...args) {
    report(llvm::SMRange(loc, loc), id, std::forward<Args>(args)...);
  }

  unsigned getNumErrors() const { return numErrors; }
  bool hadError() const { return numErrors != 0; }
  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

  static const char *getText(DiagID id);
  static DiagKind getKind(DiagID id);

private:
  void emit(llvm::SMRange range, DiagID id, const std::string &message);

  llvm::SourceMgr &sourceMgr;
  unsigned numErrors = 0;
  /// Follow-on errors at a location already reported are dropped.
  const char *lastErrorLoc = nullptr;
};

} // namespace ember

#endif

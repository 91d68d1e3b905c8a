//===- Diagnostic.h - Ember's diagnostic engine -----------------*- C++ -*-===//
//
// Every error, warning and note -- from the lexer, parser, Sema, MLIR passes
// and the driver -- goes through one DiagnosticEngine. With a location it
// prints `file:line:col: error: message`, the source line and a caret or
// range; without one, `emberc: error: message`.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_BASIC_DIAGNOSTIC_H
#define EMBER_BASIC_DIAGNOSTIC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <string>

namespace ember {

enum class DiagID {
#define DIAG(ID, KIND, TEXT) ID,
#include "ember/Basic/DiagnosticKinds.def"
};

enum class DiagKind { Error, Warning, Note };

struct DiagnosticOptions {
  enum class Color { Auto, Always, Never };
  Color color = Color::Auto;
  /// Report warnings as errors (`-Werror`).
  bool warningsAsErrors = false;
  /// Stop reporting after this many errors; 0 means no limit.
  unsigned maxErrors = 20;
  /// Where diagnostics go; null for standard error.
  llvm::raw_ostream *output = nullptr;
};

class DiagnosticEngine {
public:
  DiagnosticEngine(llvm::SourceMgr &sourceMgr,
                   DiagnosticOptions options = DiagnosticOptions());
  ~DiagnosticEngine();

  /// Reports diagnostic `id` at `range` (which may be empty, for a
  /// diagnostic about no place in the source) with the catalog text
  /// formatted with `args`.
  template <typename... Args>
  void report(llvm::SMRange range, DiagID id, Args &&...args) {
    std::string texts[] = {llvm::formatv("{0}", std::forward<Args>(args))
                               .str()...,
                           ""};
    emit(range, getKind(id),
         formatMessage(getText(id), llvm::ArrayRef(texts).drop_back()));
  }
  template <typename... Args>
  void report(llvm::SMLoc loc, DiagID id, Args &&...args) {
    report(llvm::SMRange(loc, loc), id, std::forward<Args>(args)...);
  }
  /// Reports an already formatted message (for diagnostics of MLIR passes).
  void emit(llvm::SMRange range, DiagKind kind, const std::string &message);

  unsigned getNumErrors() const { return numErrors; }
  bool hadError() const { return numErrors != 0; }
  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

  static const char *getText(DiagID id);
  /// Replaces each `{N}` of `text` with `args[N]`. An argument that
  /// contains a backtick and stands between backticks is quoted with
  /// double backticks instead, as Markdown does: ``a`b``.
  static std::string formatMessage(llvm::StringRef text,
                                   llvm::ArrayRef<std::string> args);
  static DiagKind getKind(DiagID id);

  /// The declared names closest to `name`, for a "did you mean" hint; empty
  /// if none is close enough.
  static llvm::StringRef findClosest(llvm::StringRef name,
                                     llvm::ArrayRef<llvm::StringRef> candidates);

private:
  llvm::SourceMgr &sourceMgr;
  DiagnosticOptions options;
  /// Where diagnostics go: standard error, colored as the options say.
  std::unique_ptr<llvm::raw_ostream> colorStream;
  llvm::raw_ostream &os;
  unsigned numErrors = 0;
  bool limitReached = false;
  /// Notes of a dropped error are dropped too.
  bool droppingNotes = false;
  /// Follow-on errors at a location already reported are dropped.
  const char *lastErrorLoc = nullptr;
};

} // namespace ember

#endif

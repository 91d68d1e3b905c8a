//===- Prelude.cpp - The standard library every program sees --------------===//
//
// The library is Ember source, compiled with each program. Its declarations
// join the program's module, first, and are marked as library code: IRGen
// keeps only the library functions a program uses, and names them
// `ember.std.*`.
//
//===----------------------------------------------------------------------===//

#include "ember/Stdlib/Prelude.h"

#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"

#include "llvm/Support/MemoryBuffer.h"

using namespace ember;

namespace {
struct StdlibFile {
  const char *path, *text;
};
const StdlibFile stdlibFiles[] = {
#include "StdlibSources.inc"
};

/// Moves the declarations of `from` ahead of those of `to`.
template <typename T>
void prepend(std::vector<T> &to, std::vector<T> &from) {
  to.insert(to.begin(), std::make_move_iterator(from.begin()),
            std::make_move_iterator(from.end()));
}
} // namespace

void ember::addPrelude(Module &module, DiagnosticEngine &diags) {
  llvm::SourceMgr &sourceMgr = diags.getSourceMgr();
  // Later files go first, so that the library keeps its files' order.
  for (const StdlibFile &file : llvm::reverse(stdlibFiles)) {
    auto buffer = llvm::MemoryBuffer::getMemBuffer(
        file.text, std::string("<stdlib>/") + file.path);
    llvm::StringRef text = buffer->getBuffer();
    sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    std::unique_ptr<Module> library =
        parseModule("std", lexBuffer(text, diags), diags);
    for (auto &fn : library->functions)
      fn->isLibrary = true;
    for (auto &decl : library->structs) {
      decl->isLibrary = true;
      for (auto &method : decl->methods)
        method->isLibrary = true;
    }
    for (auto &trait : library->traits)
      for (auto &method : trait->methods)
        method->isLibrary = true;
    prepend(module.traits, library->traits);
    prepend(module.structs, library->structs);
    prepend(module.functions, library->functions);
    prepend(module.aliases, library->aliases);
    prepend(module.imports, library->imports);
  }
}

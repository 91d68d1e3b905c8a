//===- Prelude.cpp - The standard library every program sees --------------===//
//
// The library is Ember source, compiled with each program. The prelude
// (`builtin/`, `collections/`) is a unit every unit sees; any other file is
// a module, parsed only when a program imports it. Library declarations
// are marked as such: IRGen keeps only the library functions a program
// uses, and names them `ember.std.*`.
//
//===----------------------------------------------------------------------===//

#include "ember/Stdlib/Prelude.h"

#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

using namespace ember;

namespace {
struct StdlibFile {
  const char *path, *text;
};
const StdlibFile stdlibFiles[] = {
#include "StdlibSources.inc"
};

/// Files of these packages make the prelude; the others are modules a
/// program imports.
bool isPreludeFile(llvm::StringRef path) {
  return path.starts_with("builtin/") || path.starts_with("collections/");
}

std::unique_ptr<Module> parseLibraryFile(const StdlibFile &file,
                                         DiagnosticEngine &diags) {
  auto buffer = llvm::MemoryBuffer::getMemBuffer(
      file.text, std::string("<stdlib>/") + file.path);
  llvm::StringRef text = buffer->getBuffer();
  diags.getSourceMgr().AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  return parseModule("std", lexBuffer(text, diags), diags);
}
} // namespace

void ember::addPrelude(Module &module, DiagnosticEngine &diags) {
  unsigned unit = module.units.size();
  module.units.push_back({"std", "", /*isPrelude=*/true});
  // Later files go first, so that the library keeps its files' order,
  // ahead of the program.
  for (const StdlibFile &file : llvm::reverse(stdlibFiles)) {
    if (!isPreludeFile(file.path))
      continue;
    std::unique_ptr<Module> library = parseLibraryFile(file, diags);
    module.merge(*library, unit, /*isLibrary=*/true, /*first=*/true);
  }
}

std::unique_ptr<Module> ember::parseLibraryModule(llvm::StringRef name,
                                                  DiagnosticEngine &diags) {
  std::string path = name.str();
  std::replace(path.begin(), path.end(), '.', '/');
  path += ".mojo";
  for (const StdlibFile &file : stdlibFiles)
    if (!isPreludeFile(file.path) && path == file.path)
      return parseLibraryFile(file, diags);
  return nullptr;
}

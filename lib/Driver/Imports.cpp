//===- Imports.cpp - Finding and parsing the modules a program imports ----===//
//
// A module is one the compiler provides (`math`, `sys`, ...), one of the
// library's (`time`, `testing`), or a `.mojo` file of the program, found
// from the main file's directory: `from grid import Grid` reads `grid.mojo`,
// `from a.b import c` reads `a/b.mojo`. Each file becomes a source unit, parsed once. Units are
// ordered so that each comes after those it imports; a cycle is an error.
//
//===----------------------------------------------------------------------===//

#include "Imports.h"

#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"
#include "ember/Sema/Sema.h"
#include "ember/Stdlib/Prelude.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace ember;

namespace {
class ImportLoader {
public:
  ImportLoader(Module &program, DiagnosticEngine &diags)
      : program(program), diags(diags) {}

  void run() {
    state.resize(program.units.size(), State::Unvisited);
    for (unsigned unit = 0; unit < program.units.size(); ++unit)
      if (program.units[unit].isPrelude)
        visit(unit);
    visit(0);
  }

private:
  enum class State { Unvisited, Visiting, Done };

  void visit(unsigned unit) {
    state[unit] = State::Visiting;
    // Loading appends imports, so they are reached by index.
    for (size_t i = 0; i < program.imports.size(); ++i) {
      if (program.imports[i].unit != unit)
        continue;
      int target = resolve(program.imports[i]);
      program.imports[i].target = target;
      if (target < 0)
        continue;
      if (state[target] == State::Visiting) {
        diags.report(program.imports[i].moduleRange, DiagID::err_import_cycle,
                     program.imports[i].module);
        program.imports[i].target = ImportDecl::kImportCycle;
      } else if (state[target] == State::Unvisited)
        visit(target);
    }
    state[unit] = State::Done;
    program.unitOrder.push_back(unit);
  }

  /// The unit of the module `imp` names, loaded if new; -1 for a module
  /// the compiler provides or one that does not exist (Sema tells which).
  int resolve(ImportDecl &imp) {
    llvm::StringRef name = imp.module;
    // Mojo 1.x spells the standard library's modules `std.math`, `std.sys`.
    if (name.starts_with("std."))
      imp.module = name.drop_front(4).str();
    // MAX spells the GPU modules `max.gpu`, `max.gpu.host`.
    if (llvm::StringRef(imp.module).starts_with("max.gpu"))
      imp.module = imp.module.substr(4);
    name = imp.module;
    // A module may be partly the library's source (`sys.argv`) and partly
    // the compiler's (`sys.exit`).
    if (auto library = loaded.find("<stdlib>:" + name.str());
        library != loaded.end())
      return library->second;
    if (std::unique_ptr<Module> file = parseLibraryModule(name, diags))
      return addUnit(*file, name, "<stdlib>:" + name.str(), "", true);
    if (isCompilerModule(name))
      return -1;
    // A file of the program, found from the main file's directory, as
    // Python finds modules from the script's; library modules import only
    // the library.
    if (program.units[imp.unit].path.empty())
      return -1;
    llvm::SmallString<128> path =
        llvm::sys::path::parent_path(program.units[0].path);
    std::string relative = name.str();
    std::replace(relative.begin(), relative.end(), '.', '/');
    llvm::sys::path::append(path, relative + ".mojo");
    if (auto it = loaded.find(path); it != loaded.end())
      return it->second;
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer)
      return -1;
    llvm::SourceMgr &sourceMgr = diags.getSourceMgr();
    llvm::StringRef text = (*buffer)->getBuffer();
    sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
    std::unique_ptr<Module> file =
        parseModule(name, lexBuffer(text, diags), diags);
    return addUnit(*file, name, path.str().str(), path.str().str(), false);
  }

  unsigned addUnit(Module &file, llvm::StringRef name, const std::string &key,
                   const std::string &path, bool isLibrary) {
    unsigned unit = program.units.size();
    program.units.push_back({name.str(), path, /*isPrelude=*/false});
    program.merge(file, unit, isLibrary, /*first=*/false);
    state.push_back(State::Unvisited);
    loaded[key] = unit;
    return unit;
  }

  Module &program;
  DiagnosticEngine &diags;
  std::vector<State> state;
  llvm::StringMap<unsigned> loaded;
};
} // namespace

void ember::loadImports(Module &program, DiagnosticEngine &diags) {
  ImportLoader(program, diags).run();
}

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
#include "llvm/Support/FileSystem.h"
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
      splitSubmoduleImports(i);
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

  /// `from gpu import warp`, where `gpu.warp` is a module, is `import
  /// gpu.warp as warp`: each such name becomes an import of its own.
  void splitSubmoduleImports(size_t i) {
    if (program.imports[i].importsAll)
      return;
    // Loading a module appends its imports: `program.imports[i]` is read
    // afresh after each check.
    std::string package = stripPrefixes(program.imports[i].module);
    unsigned unit = program.imports[i].unit;
    std::vector<ImportDecl::Name> names = program.imports[i].names;
    std::vector<ImportDecl> submodules;
    std::vector<ImportDecl::Name> members;
    for (const ImportDecl::Name &name : names) {
      std::string module = package + "." + name.name;
      if (!moduleExists(module, unit)) {
        members.push_back(name);
        continue;
      }
      ImportDecl sub;
      sub.unit = unit;
      sub.module = sub.spelling = module;
      sub.moduleRange = name.range;
      sub.asName = name.asName.empty() ? name.name : name.asName;
      submodules.push_back(std::move(sub));
    }
    if (submodules.empty())
      return;
    ImportDecl &imp = program.imports[i];
    imp.names = std::move(members);
    // Nothing else imported: the import is the first submodule's.
    if (imp.names.empty()) {
      imp = std::move(submodules.front());
      submodules.erase(submodules.begin());
    }
    for (ImportDecl &sub : submodules)
      program.imports.push_back(std::move(sub));
  }

  /// `name` without the `std.` of Mojo 1.x or the `max.` of MAX's GPU
  /// modules.
  static std::string stripPrefixes(llvm::StringRef name) {
    if (name.starts_with("std."))
      name = name.drop_front(4);
    if (name.starts_with("max.gpu"))
      name = name.drop_front(4);
    return name.str();
  }

  /// Whether the library, or the program from `unit`, has the module
  /// `name`.
  bool moduleExists(llvm::StringRef name, unsigned unit) {
    if (loaded.count("<stdlib>:" + name.str()))
      return true;
    if (std::unique_ptr<Module> file = parseLibraryModule(name, diags)) {
      addUnit(*file, name, "<stdlib>:" + name.str(), "", true);
      return true;
    }
    return !program.units[unit].path.empty() &&
           llvm::sys::fs::exists(getProgramModulePath(name));
  }

  /// The file of the program's module `name`: `a.b` is `a/b.mojo`, from
  /// the main file's directory.
  llvm::SmallString<128> getProgramModulePath(llvm::StringRef name) {
    llvm::SmallString<128> path =
        llvm::sys::path::parent_path(program.units[0].path);
    std::string relative = name.str();
    std::replace(relative.begin(), relative.end(), '.', '/');
    llvm::sys::path::append(path, relative + ".mojo");
    return path;
  }

  /// The unit of the module `imp` names, loaded if new; -1 for a module
  /// the compiler provides or one that does not exist (Sema tells which).
  int resolve(ImportDecl &imp) {
    // Mojo 1.x spells the standard library's modules `std.math`, `std.sys`;
    // MAX spells the GPU modules `max.gpu`, `max.gpu.host`.
    imp.module = stripPrefixes(imp.module);
    llvm::StringRef name = imp.module;
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
    llvm::SmallString<128> path = getProgramModulePath(name);
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

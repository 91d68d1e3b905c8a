//===- Driver.cpp - The emberc driver -------------------------------------===//
//
// Runs the phases of DESIGN.md one after the other, stopping at the stage
// --emit names, and links or runs the result.
//
//===----------------------------------------------------------------------===//

#include "ember/Driver/Driver.h"

#include "Linker.h"
#include "Options.h"
#include "ember/AST/ASTDumper.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/IRGen/IRGen.h"
#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"
#include "ember/Pipelines/Pipelines.h"
#include "ember/Sema/Sema.h"
#include "ember/Target/LLVMTarget.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace ember;

namespace {

int error(const llvm::Twine &message) {
  llvm::errs() << "emberc: error: " << message << "\n";
  return 1;
}

/// Finds the first byte that is not valid UTF-8; returns false if there is
/// one and sets `line` and `col` to its position.
bool isValidUTF8(llvm::StringRef text, unsigned &line, unsigned &col) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(text.begin());
  const auto *end = reinterpret_cast<const llvm::UTF8 *>(text.end());
  const llvm::UTF8 *p = begin;
  if (llvm::isLegalUTF8String(&p, end))
    return true;
  llvm::StringRef before = text.take_front(p - begin);
  line = before.count('\n') + 1;
  col = before.size() - (before.rfind('\n') + 1) + 1;
  return false;
}

class Compilation {
public:
  explicit Compilation(const Options &options) : options(options) {}
  int run();

private:
  int loadSource();
  int emitLLVMDialect(mlir::ModuleOp module);
  int emitNative(mlir::ModuleOp module);
  std::string defaultOutput() const;
  void printModule(mlir::ModuleOp module, llvm::raw_ostream &os) const;
  /// Opens the output (standard output for '-'); null after an error.
  std::unique_ptr<llvm::ToolOutputFile> openOutput(bool binary);

  const Options &options;
  llvm::SourceMgr sourceMgr;
};

} // namespace

int Compilation::loadSource() {
  auto buffer = llvm::MemoryBuffer::getFile(options.input, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer)
    return error("cannot read '" + options.input +
                 "': " + buffer.getError().message());
  if (llvm::sys::fs::is_directory(options.input))
    return error("cannot read '" + options.input + "': it is a directory");
  unsigned line, col;
  if (!isValidUTF8((*buffer)->getBuffer(), line, col))
    return error("'" + options.input + "' is not valid UTF-8 (line " +
                 llvm::Twine(line) + ", column " + llvm::Twine(col) + ")");
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return 0;
}

std::string Compilation::defaultOutput() const {
  llvm::StringRef stem = llvm::sys::path::stem(options.input);
  switch (options.emit) {
  case EmitKind::Obj:
    return (stem + ".o").str();
  case EmitKind::Exe:
    return stem.str();
  default:
    return "-";
  }
}

void Compilation::printModule(mlir::ModuleOp module,
                              llvm::raw_ostream &os) const {
  mlir::OpPrintingFlags flags;
  if (options.printDebugInfo)
    flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false).useLocalScope();
  module.print(os, flags);
}

std::unique_ptr<llvm::ToolOutputFile> Compilation::openOutput(bool binary) {
  std::string path = options.output.empty() ? defaultOutput() : options.output;
  std::error_code ec;
  auto file = std::make_unique<llvm::ToolOutputFile>(
      path, ec, binary ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_Text);
  if (ec) {
    error("cannot write '" + path + "': " + ec.message());
    return nullptr;
  }
  return file;
}

int Compilation::run() {
  if (int status = loadSource())
    return status;
  DiagnosticEngine diags(sourceMgr);
  llvm::StringRef text =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())->getBuffer();

  std::vector<Token> tokens = lexBuffer(text, diags);
  if (options.emit == EmitKind::Tokens) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    dumpTokens(tokens, sourceMgr, out->os());
    out->keep();
    return diags.hadError() ? 1 : 0;
  }

  std::unique_ptr<Module> ast = parseModule(
      llvm::sys::path::stem(options.input), tokens, diags);
  if (options.emit == EmitKind::AST) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    dumpAST(*ast, sourceMgr, out->os());
    out->keep();
    return diags.hadError() ? 1 : 0;
  }
  // Sema runs even after syntax errors, to report more than one mistake.
  if (!checkModule(*ast, diags) || diags.hadError())
    return 1;

  mlir::MLIRContext context;
  context.loadDialect<EmberDialect, mlir::func::FuncDialect,
                      mlir::cf::ControlFlowDialect, mlir::arith::ArithDialect,
                      mlir::math::MathDialect, mlir::LLVM::LLVMDialect>();
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      emitModule(*ast, context, sourceMgr);
  if (failed(mlir::verify(*module)))
    return error("internal error: the generated IR does not verify");
  if (options.emit == EmitKind::Ember) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    printModule(*module, out->os());
    out->keep();
    return 0;
  }
  return emitLLVMDialect(*module);
}

int Compilation::emitLLVMDialect(mlir::ModuleOp module) {
  mlir::PassManager pm(module.getContext());
  buildCPUPipeline(pm);
  if (failed(pm.run(module)))
    return 1;
  if (options.emit == EmitKind::MLIRLLVM) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    printModule(module, out->os());
    out->keep();
    return 0;
  }
  return emitNative(module);
}

int Compilation::emitNative(mlir::ModuleOp module) {
  std::string message;
  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(options.target, message);
  if (!machine)
    return error(message);
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateToLLVMIR(module, llvmContext, *machine);
  if (!llvmModule)
    return error("internal error: cannot translate to LLVM IR");
  optimizeModule(*llvmModule, *machine, options.target.optLevel);

  if (options.emit == EmitKind::LLVM) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    llvmModule->print(out->os(), nullptr);
    out->keep();
    return 0;
  }
  if (options.emit == EmitKind::Asm || options.emit == EmitKind::Obj) {
    bool isAsm = options.emit == EmitKind::Asm;
    auto out = openOutput(!isAsm);
    if (!out)
      return 1;
    if (!emitMachineCode(*llvmModule, *machine,
                         isAsm ? llvm::CodeGenFileType::AssemblyFile
                               : llvm::CodeGenFileType::ObjectFile,
                         out->os(), message))
      return error(message);
    out->keep();
    return 0;
  }

  if (!options.target.triple.empty())
    return error("linking for another target is not supported; use "
                 "--emit=obj or --emit=asm");
  TempFile object("ember-obj", "o");
  if (!object.create(message))
    return error(message);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(object.path(), ec);
    if (ec)
      return error("cannot write '" + object.path() + "': " + ec.message());
    if (!emitMachineCode(*llvmModule, *machine,
                         llvm::CodeGenFileType::ObjectFile, os, message))
      return error(message);
  }
  std::string output =
      options.output.empty() ? defaultOutput() : options.output;
  if (!linkExecutable(options.argv0, object.path(), output, message))
    return error(message);
  return 0;
}

int ember::runDriver(int argc, char **argv) {
  Options options;
  if (std::optional<int> status = parseOptions(argc, argv, options))
    return *status;
  if (options.mode != Options::Mode::Run)
    return Compilation(options).run();

  // `emberc run`: build into a temporary file, run it, pass its status on.
  TempFile exe("ember-run", "");
  std::string message;
  if (!exe.create(message))
    return error(message);
  options.output = exe.path();
  if (int status = Compilation(options).run())
    return status;
  return runProgram(exe.path(), options.programArgs);
}

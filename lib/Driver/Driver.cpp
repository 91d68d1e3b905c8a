//===- Driver.cpp - The emberc driver -------------------------------------===//
//
// Runs the phases of DESIGN.md one after the other, stopping at the stage
// --emit names, and links or runs the result. Every message goes through
// one DiagnosticEngine, MLIR's included.
//
//===----------------------------------------------------------------------===//

#include "ember/Driver/Driver.h"

#include "Imports.h"
#include "Linker.h"
#include "Options.h"
#include "ember/AST/ASTDumper.h"
#include "ember/Dialect/Ember/IR/EmberDialect.h"
#include "ember/IRGen/IRGen.h"
#include "ember/Lex/Lexer.h"
#include "ember/Parse/Parser.h"
#include "ember/Pipelines/Pipelines.h"
#include "ember/Sema/Sema.h"
#include "ember/Stdlib/Prelude.h"
#include "ember/Conversion/EmberToStandard/EmberToStandard.h"
#include "ember/Target/GPUTarget.h"
#include "ember/Target/LLVMTarget.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/thread.h"

#include <csignal>

using namespace ember;

namespace {

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
  explicit Compilation(const Options &options)
      : options(options), diags(sourceMgr, options.diagnostics) {}
  int run();

private:
  bool loadSource();
  void forwardMLIRDiagnostic(mlir::Diagnostic &diag);
  int emitLLVMDialect(mlir::ModuleOp module);
  int emitNative(mlir::ModuleOp module, const std::string &gpuImage);
  GPUMode getGPUMode() const;
  bool compilesForCUDA();
  std::string outputPath() const;
  void printModule(mlir::ModuleOp module, llvm::raw_ostream &os) const;
  /// Opens the output (standard output for '-'); null after an error.
  std::unique_ptr<llvm::ToolOutputFile> openOutput(bool binary);
  /// Reports a diagnostic about no place in the source; returns 1.
  template <typename... Args> int fail(DiagID id, Args &&...args) {
    diags.report(llvm::SMLoc(), id, std::forward<Args>(args)...);
    return 1;
  }

  const Options &options;
  llvm::SourceMgr sourceMgr;
  DiagnosticEngine diags;
  std::optional<bool> cudaDevice; ///< Found once, if asked.
};

} // namespace

bool Compilation::loadSource() {
  if (llvm::sys::fs::is_directory(options.input)) {
    fail(DiagID::err_cannot_read, options.input, "it is a directory");
    return false;
  }
  auto buffer = llvm::MemoryBuffer::getFile(options.input, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/true);
  if (!buffer) {
    fail(DiagID::err_cannot_read, options.input, buffer.getError().message());
    return false;
  }
  unsigned line, col;
  if (!isValidUTF8((*buffer)->getBuffer(), line, col)) {
    diags.report(llvm::SMLoc(), DiagID::err_not_utf8, options.input, line,
                 col);
    return false;
  }
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return true;
}

/// Reports an MLIR diagnostic through the engine, at its source location
/// when it has one in the input file.
void Compilation::forwardMLIRDiagnostic(mlir::Diagnostic &diag) {
  auto toSourceLoc = [&](mlir::Location location) {
    llvm::SMLoc loc;
    location->walk([&](mlir::Location l) {
      auto fileLoc = llvm::dyn_cast<mlir::FileLineColLoc>(l);
      if (!fileLoc)
        return mlir::WalkResult::advance();
      // The input, or a file of the library.
      unsigned buffer = sourceMgr.getMainFileID();
      for (unsigned id = 1; id <= sourceMgr.getNumBuffers(); ++id)
        if (sourceMgr.getMemoryBuffer(id)->getBufferIdentifier() ==
            fileLoc.getFilename().getValue())
          buffer = id;
      loc = sourceMgr.FindLocForLineAndColumn(buffer, fileLoc.getLine(),
                                              fileLoc.getColumn());
      return mlir::WalkResult::interrupt();
    });
    return loc;
  };
  DiagKind kind = diag.getSeverity() == mlir::DiagnosticSeverity::Error
                      ? DiagKind::Error
                  : diag.getSeverity() == mlir::DiagnosticSeverity::Warning
                      ? DiagKind::Warning
                      : DiagKind::Note;
  llvm::SMLoc loc = toSourceLoc(diag.getLocation());
  diags.emit({loc, loc}, kind, diag.str());
  // A note is at its own place, or at the diagnostic's when it has none.
  for (mlir::Diagnostic &note : diag.getNotes()) {
    llvm::SMLoc noteLoc = toSourceLoc(note.getLocation());
    if (!noteLoc.isValid())
      noteLoc = loc;
    diags.emit({noteLoc, noteLoc}, DiagKind::Note, note.str());
  }
}

std::string Compilation::outputPath() const {
  if (!options.output.empty())
    return options.output;
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
  std::string path = outputPath();
  std::error_code ec;
  auto file = std::make_unique<llvm::ToolOutputFile>(
      path, ec, binary ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_Text);
  if (ec) {
    fail(DiagID::err_cannot_write, path, ec.message());
    return nullptr;
  }
  return file;
}

int Compilation::run() {
  if (!loadSource())
    return 1;
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

  std::unique_ptr<Module> ast =
      parseModule(llvm::sys::path::stem(options.input), tokens, diags);
  if (options.emit == EmitKind::AST) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    dumpAST(*ast, sourceMgr, out->os());
    out->keep();
    return diags.hadError() ? 1 : 0;
  }
  ast->units.push_back({ast->name, options.input, /*isPrelude=*/false});
  addPrelude(*ast, diags);
  loadImports(*ast, diags);
  ast->vectorRegisterBits = getVectorRegisterBits(options.target);
  ast->gpuEmulated = getGPUMode() == GPUMode::Emulate;
  ast->hasAccelerator = [this] {
    return getGPUMode() == GPUMode::Emulate || compilesForCUDA();
  };
  // Sema runs even after syntax errors, to report more than one mistake.
  if (!checkModule(*ast, diags) || diags.hadError())
    return 1;

  mlir::MLIRContext context;
  // Diagnostics speak of the source, not of the IR.
  context.printOpOnDiagnostic(false);
  context.loadDialect<EmberDialect, mlir::func::FuncDialect,
                      mlir::cf::ControlFlowDialect, mlir::arith::ArithDialect,
                      mlir::math::MathDialect, mlir::vector::VectorDialect,
                      mlir::LLVM::LLVMDialect>();
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    forwardMLIRDiagnostic(diag);
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      emitModule(*ast, context, sourceMgr);
  if (failed(mlir::verify(*module)))
    return fail(DiagID::err_internal, "the generated IR does not verify");
  if (!options.runtimeChecks)
    (*module)->setAttr("ember.runtime_checks",
                       mlir::BoolAttr::get(&context, false));
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

/// `--gpu=auto` follows EMBER_GPU when it is set.
GPUMode Compilation::getGPUMode() const {
  if (options.gpu != GPUMode::Auto)
    return options.gpu;
  llvm::StringRef env = getenv("EMBER_GPU") ? getenv("EMBER_GPU") : "";
  return llvm::StringSwitch<GPUMode>(env)
      .Case("emulate", GPUMode::Emulate)
      .Case("cuda", GPUMode::CUDA)
      .Case("none", GPUMode::None)
      .Default(GPUMode::Auto);
}

/// Whether kernels are compiled for a CUDA GPU: asked for (`--emit=ptx`
/// asks too), or found.
bool Compilation::compilesForCUDA() {
  GPUMode mode = getGPUMode();
  if (mode != GPUMode::Auto)
    return mode == GPUMode::CUDA;
  if (options.emit == EmitKind::PTX)
    return true;
  if (!cudaDevice)
    cudaDevice = hasCUDADevice();
  return *cudaDevice;
}

int Compilation::emitLLVMDialect(mlir::ModuleOp module) {
  mlir::PassManager check(module.getContext());
  check.enableVerifier(options.verifyEach);
  buildCheckPipeline(check);
  if (failed(check.run(module)))
    return 1;

  // The kernels for the GPU, from the checked program.
  std::string gpuImage;
  bool emitPTX = options.emit == EmitKind::PTX;
  if (emitPTX || (hasGPUKernels(module) && compilesForCUDA())) {
    NVVMPipelineOptions gpu;
    gpu.chip = options.gpuChip;
    gpu.toolkit = findCUDAToolkit();
    // ptxas makes a fatbin for the chip; without it the driver compiles
    // the PTX when the program loads it.
    gpu.format = !emitPTX && !gpu.toolkit.empty() ? "fatbin" : "isa";
    if (hasGPUKernels(module) && failed(buildGPUImage(module, gpu, gpuImage)))
      return 1;
    if (emitPTX && !hasGPUKernels(module))
      diags.report(llvm::SMLoc(), DiagID::warn_no_kernels);
    if (emitPTX) {
      auto out = openOutput(false);
      if (!out)
        return 1;
      out->os() << llvm::StringRef(gpuImage).rtrim('\0');
      out->keep();
      return 0;
    }
  }

  mlir::PassManager pm(module.getContext());
  pm.enableVerifier(options.verifyEach);
  buildCPULoweringPipeline(pm);
  if (failed(pm.run(module)))
    return 1;
  if (!options.verifyEach && failed(mlir::verify(module)))
    return fail(DiagID::err_internal, "the lowered IR does not verify");
  if (options.emit == EmitKind::MLIRLLVM) {
    auto out = openOutput(false);
    if (!out)
      return 1;
    printModule(module, out->os());
    out->keep();
    return 0;
  }
  return emitNative(module, gpuImage);
}

/// Puts the GPU code in the global that launches pass to the runtime.
static void embedGPUImage(llvm::Module &module, const std::string &image) {
  llvm::GlobalVariable *placeholder =
      module.getGlobalVariable(kGPUImageSymbol, /*AllowInternal=*/true);
  if (!placeholder || image.empty())
    return;
  llvm::Constant *data = llvm::ConstantDataArray::getString(
      module.getContext(), image, /*AddNull=*/false);
  auto *global = new llvm::GlobalVariable(
      module, data->getType(), /*isConstant=*/true,
      llvm::GlobalValue::InternalLinkage, data, "");
  global->setAlignment(llvm::Align(8));
  global->takeName(placeholder);
  placeholder->replaceAllUsesWith(global);
  placeholder->eraseFromParent();
}

int Compilation::emitNative(mlir::ModuleOp module,
                            const std::string &gpuImage) {
  std::string message;
  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(options.target, message);
  if (!machine)
    return fail(DiagID::err_target, message);
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateToLLVMIR(module, llvmContext, *machine);
  if (!llvmModule)
    return fail(DiagID::err_internal, "cannot translate to LLVM IR");
  embedGPUImage(*llvmModule, gpuImage);
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
      return fail(DiagID::err_target, message);
    out->keep();
    return 0;
  }

  if (!options.target.triple.empty())
    return fail(DiagID::err_cross_link);
  TempFile object("ember-obj", "o");
  if (!object.create(message))
    return fail(DiagID::err_link, message);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(object.path(), ec);
    if (ec)
      return fail(DiagID::err_cannot_write, object.path(), ec.message());
    if (!emitMachineCode(*llvmModule, *machine,
                         llvm::CodeGenFileType::ObjectFile, os, message))
      return fail(DiagID::err_target, message);
  }
  bool usesOpenMP = llvmModule->getFunction("__kmpc_fork_call") != nullptr;
  if (!linkExecutable(options.argv0, object.path(), outputPath(), usesOpenMP,
                      message))
    return fail(DiagID::err_link, message);
  return 0;
}

/// Deeply nested programs recurse deeply in Sema and IRGen; the compiler
/// runs on a thread with a stack to match the parser's nesting limits.
static constexpr unsigned kCompilerStackSize = 256u << 20;

static int runDriverOnThisThread(int argc, char **argv);

int ember::runDriver(int argc, char **argv) {
  int status = 0;
  llvm::thread worker(std::optional<unsigned>(kCompilerStackSize), [&] {
    status = runDriverOnThisThread(argc, argv);
  });
  worker.join();
  return status;
}

static int runDriverOnThisThread(int argc, char **argv) {
  Options options;
  {
    llvm::SourceMgr noSources;
    DiagnosticEngine diags(noSources);
    if (std::optional<int> status = parseOptions(argc, argv, options, diags))
      return *status;
  }
  if (options.crashForTesting)
    std::raise(SIGSEGV);
  if (options.mode != Options::Mode::Run)
    return Compilation(options).run();

  // `emberc run`: build into a temporary file, run it, pass its status on.
  TempFile exe("ember-run", "");
  std::string message;
  if (!exe.create(message)) {
    llvm::SourceMgr noSources;
    DiagnosticEngine(noSources).report(llvm::SMLoc(), DiagID::err_link,
                                       message);
    return 1;
  }
  options.output = exe.path();
  if (int status = Compilation(options).run())
    return status;
  return runProgram(exe.path(), options.programArgs);
}

//===- SemaGPU.cpp - Ember semantic analysis: GPU kernels -----------------===//
//
// A kernel is a plain function that a `DeviceContext` (module `gpu.host`)
// launches: `ctx.enqueue_function[kernel](args..., grid_dim=g,
// block_dim=b)`, or with the value `ctx.compile_function[kernel,
// kernel]()` gives. Launching marks the function a kernel, which IRGen
// also compiles for the GPU. In its body, `thread_idx.x` and the other
// positions of module `gpu` (`block_idx`, `block_dim`, `grid_dim`,
// `global_idx`) are `UInt`s, and `barrier()` waits for the whole block.
//
//===----------------------------------------------------------------------===//

#include "ember/AST/ASTClone.h"
#include "ember/Sema/Sema.h"

using namespace ember;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

static const Type *errorType() { return Type::get(Type::Kind::Error); }

static bool isGPUPosition(Builtin builtin) {
  return builtin >= Builtin::GPUThreadIdx && builtin <= Builtin::GPUGlobalIdx;
}

/// The number of `AddressSpace.name`, as NVPTX numbers them.
static std::optional<int64_t> getAddressSpace(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<int64_t>>(name)
      .Case("GENERIC", 0)
      .Case("GLOBAL", 1)
      .Case("SHARED", 3)
      .Case("CONSTANT", 4)
      .Case("LOCAL", 5)
      .Default(std::nullopt);
}

/// `thread_idx.x`: a call of Builtin::GPUIndex, whose `lanes` are the
/// position's kind and the dimension. `AddressSpace.SHARED`: its number.
bool Sema::rewriteGPUIndex(ExprPtr &e) {
  auto &attr = *cast<AttributeExpr>(e.get());
  auto *base = dyn_cast<NameExpr>(attr.base.get());
  const Symbol *symbol = base ? scope->lookup(base->name) : nullptr;
  if (!symbol || symbol->kind != Symbol::Kind::Builtin)
    return false;
  if (symbol->builtin == Builtin::AddressSpace) {
    std::optional<int64_t> space = getAddressSpace(attr.name);
    if (!space) {
      diags.report(attr.nameRange, DiagID::err_address_space, attr.name);
      e->type = errorType();
      return true;
    }
    e = makeIntConstant(e->getRange(), *space);
    return true;
  }
  if (!isGPUPosition(symbol->builtin))
    return false;
  int64_t dim = attr.name == "x" ? 0 : attr.name == "y" ? 1
              : attr.name == "z" ? 2 : -1;
  if (dim < 0) {
    diags.report(attr.nameRange, DiagID::err_gpu_index_member, base->name,
                 attr.name);
    e->type = errorType();
    return true;
  }
  auto call = std::make_unique<CallExpr>(e->getRange(), std::move(attr.base));
  call->builtin = Builtin::GPUIndex;
  call->lanes = {static_cast<int64_t>(symbol->builtin) -
                     static_cast<int64_t>(Builtin::GPUThreadIdx),
                 dim};
  call->type = Type::get(Type::Kind::UInt);
  e = std::move(call);
  return true;
}

/// `stack_allocation[count, T]()`: memory for `count` values of `T` on the
/// stack, or with `address_space=AddressSpace.SHARED` in the shared
/// memory of a GPU block, for as long as the function (the kernel) runs.
const Type *Sema::checkStackAllocation(CallExpr &call,
                                       llvm::ArrayRef<ExprPtr> params) {
  auto fail = [&](DiagID id) {
    diags.report(call.getRange(), id);
    for (CallArgument &arg : call.args)
      check(arg.value);
    return errorType();
  };
  std::optional<int64_t> count, space = 0;
  const Type *element = nullptr;
  for (const ExprPtr &param : params) {
    if (auto *keyword = dyn_cast<KeywordArgExpr>(param.get())) {
      ExprPtr &value = keyword->value;
      if (keyword->name == "address_space") {
        check(value);
        space = evaluateConstant(*value);
      } else if (keyword->name == "alignment") {
        check(value);
        if (!evaluateConstant(*value))
          return fail(DiagID::err_stack_allocation_form);
      } else {
        return fail(DiagID::err_stack_allocation_form);
      }
    } else if (!count) {
      ExprPtr &value = const_cast<ExprPtr &>(param);
      check(value);
      count = evaluateConstant(*value);
      if (!count || *count < 1)
        return fail(DiagID::err_stack_allocation_form);
    } else if (!element) {
      element = resolveType(param.get());
    } else {
      return fail(DiagID::err_stack_allocation_form);
    }
  }
  if (!count || !element || !call.args.empty())
    return fail(DiagID::err_stack_allocation_form);
  if (!space || (*space != 0 && *space != 3))
    return fail(DiagID::err_stack_allocation_space);
  if (element->isError())
    return errorType();
  call.builtin = Builtin::StackAllocation;
  call.lanes = {*count, *space};
  return PointerType::get(element);
}

/// `__atomic_fetch_add(ptr, value)` and the other read-modify-writes of
/// the library's `Atomic`: the value before.
const Type *Sema::checkAtomic(CallExpr &call) {
  const Type *pointer = checkValue(call.args[0].value);
  auto *pointerType = dyn_cast<PointerType>(pointer);
  const Type *element = pointerType ? pointerType->getPointee() : nullptr;
  if (!element || !element->isNumeric()) {
    if (!pointer->isError())
      diags.report(call.getRange(), DiagID::err_atomic_type,
                   pointer->getName(), check(call.args[1].value)->getName());
    return errorType();
  }
  checkAs(call.args[1].value, element);
  call.resolvedArgs = {call.args[0].value.get(), call.args[1].value.get()};
  return element;
}

/// Whether values of `type` can be copied to a GPU as they are.
static bool isDevicePassable(const Type *type) {
  if (type->isScalar() || type->isSIMD() || type->isPointer())
    return true;
  auto *structType = dyn_cast<StructType>(type);
  if (!structType || !structType->getDecl().isTrivial())
    return false;
  for (const FieldDecl &field : structType->getDecl().fields)
    if (!field.type || !isDevicePassable(field.type))
      return false;
  return true;
}

/// Reports why `kernel` cannot be one, if it cannot.
bool Sema::checkKernelSignature(FnDecl &kernel, llvm::SMRange use) {
  const char *problem = nullptr;
  if (kernel.isGeneric)
    problem = "has compile-time parameters";
  else if (kernel.resultType && !kernel.resultType->isNone())
    problem = "returns a value";
  else if (kernel.raisedType)
    problem = "raises";
  else if (!kernel.captured.empty())
    problem = "captures variables";
  if (problem) {
    diags.report(use, DiagID::err_gpu_kernel_signature, kernel.name, problem);
    diags.report(kernel.nameRange, DiagID::note_declared_here, kernel.name);
    return false;
  }
  for (const Param &param : kernel.params) {
    if (param.convention != ArgConvention::Read &&
        param.convention != ArgConvention::Owned) {
      diags.report(param.nameRange, DiagID::err_gpu_kernel_convention,
                   param.name, getSpelling(param.convention));
      diags.report(use, DiagID::note_gpu_kernel, kernel.name);
      return false;
    }
    if (param.type && !param.type->isError() &&
        !isDevicePassable(param.type)) {
      diags.report(param.nameRange, DiagID::err_gpu_kernel_param, param.name,
                   param.type->getName());
      diags.report(use, DiagID::note_gpu_kernel, kernel.name);
      return false;
    }
  }
  return true;
}

/// The kernel `[k]` or `[k, k]` names, checked to be one.
FnDecl *Sema::getNamedKernel(llvm::ArrayRef<ExprPtr> names,
                             llvm::StringRef method, llvm::SMRange range) {
  FnDecl *kernel = nullptr;
  for (const ExprPtr &name : names) {
    auto *named = dyn_cast<NameExpr>(name.get());
    const Symbol *symbol = named ? scope->lookup(named->name) : nullptr;
    if (!symbol || symbol->kind != Symbol::Kind::Function ||
        symbol->functions.size() != 1) {
      diags.report(name->getRange(), DiagID::err_gpu_kernel_name, method);
      return nullptr;
    }
    if (kernel && kernel != symbol->functions.front()) {
      diags.report(name->getRange(), DiagID::err_gpu_kernel_mismatch, method);
      return nullptr;
    }
    kernel = symbol->functions.front();
  }
  if (!kernel) {
    diags.report(range, DiagID::err_gpu_kernel_name, method);
    return nullptr;
  }
  if (!checkKernelSignature(*kernel, names.front()->getRange()))
    return nullptr;
  if (!kernel->isKernel) {
    kernel->isKernel = true;
    module->kernels.push_back(kernel);
  }
  return kernel;
}

/// The library's `DeviceFunction[id]`, the value of a compiled kernel.
static StructDecl *findDeviceFunctionTemplate(Module &module) {
  for (const auto &decl : module.structs)
    if (decl->isLibrary && decl->name == "DeviceFunction" &&
        decl->isTemplate())
      return decl.get();
  return nullptr;
}

/// `ctx.compile_function[kernel, kernel]()`: a `DeviceFunction` that
/// `enqueue_function` launches. Compiling happens with the program.
const Type *Sema::checkCompileFunction(CallExpr &call, AttributeExpr &callee,
                                       llvm::ArrayRef<ExprPtr> names) {
  for (CallArgument &arg : call.args)
    check(arg.value);
  FnDecl *kernel = getNamedKernel(names, callee.name, callee.getRange());
  StructDecl *templ = findDeviceFunctionTemplate(*module);
  if (!kernel || !templ)
    return errorType();
  auto found = llvm::find(module->kernels, kernel);
  std::vector<ExprPtr> id;
  id.push_back(makeIntConstant(call.getRange(),
                               found - module->kernels.begin()));
  StructDecl *instance = instantiateStruct(*templ, id, call.getLoc());
  if (!instance)
    return errorType();
  deviceFunctions[instance] = kernel;
  // Nothing happens at run time: the value has no fields.
  call.builtin = Builtin::Uninitialized;
  return instance->type.get();
}

/// `ctx` again: the launch reads its handle, then checks it.
static ExprPtr repeatContext(const Expr &ctx, llvm::StringRef member) {
  ExprPtr base = cloneExpr(ctx);
  base->type = nullptr;
  return std::make_unique<AttributeExpr>(ctx.getRange(), std::move(base),
                                         member.str(), ctx.getRange());
}

/// The x, y and z of `grid_dim=` or `block_dim=`: an `Int` or a tuple of
/// one to three; missing ones are 1.
bool Sema::checkLaunchDims(CallExpr &call, ExprPtr &dims,
                           llvm::StringRef keyword) {
  const Type *intType = Type::get(Type::Kind::Int);
  std::vector<ExprPtr *> given;
  if (auto *tuple = dyn_cast<TupleExpr>(dims.get())) {
    for (ExprPtr &element : tuple->elements)
      given.push_back(&element);
    if (given.empty() || given.size() > 3) {
      diags.report(dims->getRange(), DiagID::err_gpu_launch_dims, keyword);
      return false;
    }
  } else if (auto *tuple = dyn_cast<StructType>(checkValue(dims));
             tuple && tuple->getDecl().isTuple) {
    // A tuple variable: its elements, `dims[0]`, `dims[1]`, ...
    size_t size = tuple->getDecl().fields.size();
    if (size == 0 || size > 3 || !isa<NameExpr, AttributeExpr>(dims.get())) {
      diags.report(dims->getRange(), DiagID::err_gpu_launch_dims, keyword);
      return false;
    }
    size_t first = call.parts.size();
    for (size_t i = 0; i < size; ++i) {
      ExprPtr base = cloneExpr(*dims);
      base->type = nullptr;
      auto element =
          std::make_unique<SubscriptExpr>(dims->getRange(), std::move(base));
      element->indices.push_back(makeIntConstant(dims->getRange(), i));
      call.parts.push_back(std::move(element));
    }
    for (size_t i = 0; i < size; ++i) // Once `parts` has stopped growing.
      given.push_back(&call.parts[first + i]);
  } else {
    given.push_back(&dims);
  }
  for (ExprPtr *dim : given) {
    checkAs(*dim, intType);
    if ((*dim)->type->isError())
      return false;
    call.resolvedArgs.push_back(dim->get());
  }
  for (size_t i = given.size(); i < 3; ++i) {
    call.parts.push_back(makeIntConstant(dims->getRange(), 1));
    check(call.parts.back());
    call.resolvedArgs.push_back(call.parts.back().get());
  }
  return true;
}

/// An argument for the kernel parameter `param`: a `DeviceBuffer` or
/// `HostBuffer` variable passes its pointer, and lives until the launch
/// is done.
void Sema::checkKernelArgument(CallExpr &launch, ExprPtr &arg,
                               const Param &param) {
  const Type *type = checkValue(arg, param.type);
  auto *structType = dyn_cast<StructType>(type);
  if (structType && param.type->isPointer() && structType->getDecl().isLibrary &&
      !structType->getDecl().findMethods("unsafe_ptr").empty() &&
      isLValue(arg.get())) {
    launch.keptAlive.push_back(arg.get());
    llvm::SMRange range = arg->getRange();
    auto member = std::make_unique<AttributeExpr>(range, std::move(arg),
                                                  "unsafe_ptr", range);
    arg = std::make_unique<CallExpr>(range, std::move(member));
  }
  checkAs(arg, param.type);
}

const Type *Sema::checkGPULaunch(CallExpr &call, AttributeExpr &callee,
                                 llvm::ArrayRef<ExprPtr> names) {
  auto fail = [&] {
    for (CallArgument &arg : call.args)
      if (!arg.value->type)
        check(arg.value);
    return errorType();
  };
  const Expr &ctx = *callee.base;
  if (!isa<NameExpr, AttributeExpr>(&ctx)) {
    diags.report(ctx.getRange(), DiagID::err_gpu_launch_context);
    return fail();
  }
  // The kernel: named in brackets, or a `compile_function` value first.
  FnDecl *kernel = nullptr;
  size_t first = 0;
  if (names.empty() && !call.args.empty() && call.args[0].keyword.empty()) {
    auto *compiled =
        dyn_cast<StructType>(checkValue(call.args[0].value));
    auto found = compiled ? deviceFunctions.find(&compiled->getDecl())
                          : deviceFunctions.end();
    if (found != deviceFunctions.end()) {
      kernel = found->second;
      first = 1;
    }
  }
  if (!kernel)
    kernel = getNamedKernel(names, callee.name, callee.getRange());
  if (!kernel)
    return fail();

  std::vector<CallArgument *> positional;
  CallArgument *grid = nullptr, *block = nullptr, *shared = nullptr;
  for (size_t i = first; i < call.args.size(); ++i) {
    CallArgument &arg = call.args[i];
    if (arg.keyword.empty())
      positional.push_back(&arg);
    else if (arg.keyword == "grid_dim")
      grid = &arg;
    else if (arg.keyword == "block_dim")
      block = &arg;
    else if (arg.keyword == "shared_mem_bytes")
      shared = &arg;
    else {
      diags.report(arg.keywordLoc, DiagID::err_gpu_launch_keyword, callee.name,
                   arg.keyword);
      return fail();
    }
  }
  if (!grid || !block) {
    diags.report(call.getRange(), DiagID::err_gpu_launch_missing, callee.name,
                 grid ? "block_dim" : "grid_dim");
    return fail();
  }
  if (positional.size() != kernel->params.size()) {
    diags.report(call.getRange(), DiagID::err_arg_count, kernel->name,
                 std::to_string(kernel->params.size()), positional.size());
    diags.report(kernel->nameRange, DiagID::note_declared_here, kernel->name);
    return fail();
  }

  // The check that follows the launch, then the handle it launches on.
  call.parts.push_back(std::make_unique<CallExpr>(
      call.getRange(), repeatContext(ctx, "_check")));
  call.parts.push_back(repeatContext(ctx, "_handle"));
  const Type *handleType = check(call.parts.back());
  if (check(call.parts.front())->isError() || handleType->isError())
    return fail();
  call.resolvedArgs.push_back(call.parts.back().get());
  if (!checkLaunchDims(call, grid->value, "grid_dim") ||
      !checkLaunchDims(call, block->value, "block_dim"))
    return fail();
  if (shared) {
    checkAs(shared->value, Type::get(Type::Kind::Int));
    call.resolvedArgs.push_back(shared->value.get());
  } else {
    call.parts.push_back(makeIntConstant(call.getRange(), 0));
    check(call.parts.back());
    call.resolvedArgs.push_back(call.parts.back().get());
  }
  for (auto [arg, param] : llvm::zip(positional, kernel->params)) {
    checkKernelArgument(call, arg->value, param);
    call.resolvedArgs.push_back(arg->value.get());
  }
  call.function = kernel;
  call.builtin = Builtin::GPULaunch;
  return Type::get(Type::Kind::None);
}

bool Sema::isDeviceContext(const Type *type) {
  auto *structType = dyn_cast<StructType>(type);
  return structType && structType->getDecl().isLibrary &&
         structType->getDecl().name == "DeviceContext";
}

/// `parallelize[work](count, ctx)`: a kernel runs `work(i)` for each item
/// in a grid-stride loop, each thread taking every `grid * block`th item.
/// The captures are copied to the GPU, so each must be a value it can
/// take, and none may be written.
const Type *Sema::checkGPUParallelize(CallExpr &call, FnDecl &work,
                                      Expr &ctx) {
  bool valid = true;
  for (const Param &param : work.params) {
    if (!param.capturedFrom || !param.type || param.type->isError())
      continue;
    if (param.local && param.local->isWritten) {
      diags.report(param.nameRange, DiagID::err_gpu_parallel_capture_written,
                   param.name);
      diags.report(param.nameRange, DiagID::note_gpu_parallel_capture_written);
    } else if (!isDevicePassable(param.type)) {
      diags.report(param.nameRange, DiagID::err_gpu_parallel_capture,
                   param.name, param.type->getName());
    } else {
      continue;
    }
    diags.report(call.getRange(), DiagID::note_gpu_parallel, work.name);
    valid = false;
  }
  if (!isa<NameExpr, AttributeExpr>(&ctx)) {
    diags.report(ctx.getRange(), DiagID::err_gpu_launch_context);
    valid = false;
  }
  if (!valid)
    return errorType();
  // The context's check after the launch, its handle, the grid for the
  // count (a hidden variable IRGen sets), that variable, and the block
  // size: a multiple of the warp that leaves each thread registers enough.
  constexpr int64_t blockSize = 256;
  llvm::SMRange range = call.getRange();
  const Type *intType = Type::get(Type::Kind::Int);
  auto count = std::make_unique<NameExpr>(range, "parallel.count");
  count->local = declareHiddenLocal("parallel.count", range, intType);
  count->type = intType;
  call.parts.push_back(
      std::make_unique<CallExpr>(range, repeatContext(ctx, "_check")));
  call.parts.push_back(repeatContext(ctx, "_handle"));
  auto grid = std::make_unique<CallExpr>(range,
                                         repeatContext(ctx, "_parallel_grid"));
  auto items = std::make_unique<NameExpr>(range, "parallel.count");
  items->local = count->local;
  items->type = intType;
  grid->args.push_back({"", {}, std::move(items)});
  grid->args.push_back({"", {}, makeIntConstant(range, blockSize)});
  call.parts.push_back(std::move(grid));
  call.parts.push_back(std::move(count));
  call.parts.push_back(makeIntConstant(range, blockSize));
  for (size_t i = 1; i < call.parts.size(); ++i)
    if (check(call.parts[i])->isError())
      return errorType();
  call.builtin = Builtin::GPUParallelize;
  return Type::get(Type::Kind::None);
}

/// The methods of the library's `DeviceContext` that the compiler
/// implements; null for the others.
const Type *Sema::checkDeviceContextMethod(CallExpr &call, AttributeExpr &callee,
                                           const StructDecl &decl,
                                           llvm::ArrayRef<ExprPtr> names) {
  if (!decl.isLibrary || decl.name != "DeviceContext")
    return nullptr;
  llvm::StringRef method = callee.name;
  if (method == "enqueue_function" || method == "enqueue_function_checked" ||
      method == "enqueue_function_experimental")
    return checkGPULaunch(call, callee, names);
  if (method == "compile_function" || method == "compile_function_checked" ||
      method == "compile_function_experimental")
    return checkCompileFunction(call, callee, names);
  return nullptr;
}

//===- Sema.h - Ember semantic analysis -------------------------*- C++ -*-===//
//
// Resolves names, computes types and checks the rules of the language. On
// success every expression has a type and every name its declaration;
// IRGen relies on that and reports nothing itself.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_SEMA_SEMA_H
#define EMBER_SEMA_SEMA_H

#include "ember/AST/AST.h"
#include "ember/Basic/Diagnostic.h"
#include "ember/Sema/Scope.h"
#include "ember/Sema/Types.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace ember {

/// Checks `module`; returns true if it has no errors.
bool checkModule(Module &module, DiagnosticEngine &diags);

/// Whether the compiler itself provides the module `name` (`math`, ...).
bool isCompilerModule(llvm::StringRef name);

/// The methods behind a binary operator: `a.method(b)`, `b.reflected(a)`
/// and, for `a op= b`, `a.inPlace(b)`.
struct DunderNames {
  const char *method, *reflected, *inPlace;
};

/// A compile-time parameter bound to a type, or to a value of `valueType`.
struct CompileTimeBinding {
  std::string name;
  llvm::SMRange range;
  const Type *type = nullptr;
  int64_t value = 0;
  const Type *valueType = nullptr;
  /// Of a variadic parameter: its types, or its values (of `valueType`).
  bool isPack = false;
  std::vector<const Type *> packTypes{};
  std::vector<int64_t> packValues{};
};

class Sema {
public:
  explicit Sema(DiagnosticEngine &diags) : diags(diags) {}
  bool check(Module &module);

  //===--- Declarations (Sema.cpp) -----------------------------------------===//
  void declareBuiltins();
  void declareUnit(Module &module, unsigned unit);
  Scope &unitScope(unsigned unit);
  void bindImports(Module &module, unsigned unit);
  void bindSourceImport(ImportDecl &imp);
  void expandImportAll(const Module &module, ImportDecl &imp);
  void poisonImportedNames(const ImportDecl &imp);
  void reportUnknownMember(llvm::StringRef module, llvm::StringRef name,
                           llvm::SMRange range,
                           llvm::ArrayRef<llvm::StringRef> members);
  void bindModule(const ImportDecl &imp);
  unsigned getCurrentUnit() const;
  bool getModulePath(const Expr &e, std::string &path);
  bool rewriteModuleAccess(ExprPtr &e);
  void resolveVariadicParam(Param &param);
  void resolveSignature(FnDecl &fn);
  void declareFunction(FnDecl &fn);
  void checkDefaultValues(FnDecl &fn);
  void checkFunctionBody(FnDecl &fn);
  const Type *resolveType(Expr *typeExpr);
  const Type *resolveTypeOf(const Expr *e);
  /// The type of the argument `name` of the signature being resolved.
  const Type *getSignatureArgumentType(llvm::StringRef name);
  void checkAlias(AliasDecl &alias);
  bool isConstant(const Expr *e) const;
  bool namesNever(const Expr &e);
  std::optional<Rational> getExactValue(const Expr &e);
  bool rewriteEmptyInitializer(ExprPtr &e, const Type *expected);
  void checkMain(Module &module);

  //===--- Generics (SemaGeneric.cpp) --------------------------------------===//
  static bool isTemplate(const FnDecl &fn);
  static bool isLibraryTrait(llvm::StringRef name);
  static const Expr *findCompileTimeArg(llvm::ArrayRef<ExprPtr> args,
                                        size_t &positional,
                                        const CompileTimeParam &param);
  bool checkCompileTimeKeywords(llvm::ArrayRef<ExprPtr> args,
                                llvm::ArrayRef<CompileTimeParam> params,
                                llvm::StringRef name, bool report);
  bool isTraitBound(const Expr &typeExpr);
  bool checkTraitBound(const Type *type, const Expr &bound, llvm::SMLoc loc,
                       llvm::StringRef paramName, bool report = true);
  std::optional<int64_t> evaluateConstant(const Expr &e);

  //===--- Compile-time evaluation (SemaEvaluate.cpp) ----------------------===//
  void ensureBodyChecked(FnDecl &fn);
  /// Replaces `e` by the literal its value is, computed now; reports why it
  /// cannot be, as the value of `name`.
  bool foldAtCompileTime(ExprPtr &e, llvm::StringRef name);
  std::optional<int64_t> evaluateCall(const CallExpr &call);
  /// A checked-to-be literal for `value`: `-n` for a negative one.
  static ExprPtr makeIntConstant(llvm::SMRange range, int64_t value);
  /// The literal for the compile-time `value` of type `valueType`, and its
  /// spelling in an instance's name.
  static ExprPtr makeConstant(const Type *valueType, int64_t value,
                              llvm::SMRange range);
  static std::string describeValue(const Type *valueType, int64_t value);
  /// The instance of `templ` that `call` (with `explicitArgs` in brackets)
  /// calls, made if new; null if the parameters cannot be bound.
  FnDecl *instantiate(FnDecl &templ, CallExpr &call,
                      llvm::ArrayRef<ExprPtr> explicitArgs, bool report);
  Scope *getDeclaringScope(FnDecl &fn);
  const Type *getArgumentType(const Expr &arg, bool materialize = true);
  FnDecl *makeInstance(
      FnDecl &templ, const std::string &key,
      llvm::ArrayRef<CompileTimeBinding> bindings,
      llvm::ArrayRef<std::pair<size_t, const Type *>> implicitTypes,
      unsigned depth, llvm::SMLoc requestedAt);
  void checkPendingInstances();
  const Type *matchParameter(const Expr *typeExpr, const Type *type,
                             llvm::StringRef name);
  std::optional<int64_t> matchValueParameter(const Expr *typeExpr,
                                             const Type *type,
                                             llvm::StringRef name);
  Scope *bindParameters(llvm::ArrayRef<CompileTimeBinding> bindings,
                        std::vector<std::unique_ptr<AliasDecl>> &values,
                        Scope *parent = nullptr);

  //===--- Traits (SemaTrait.cpp) ------------------------------------------===//
  void declareTrait(TraitDecl &decl);
  void resolveTrait(TraitDecl &decl);
  TraitDecl *lookupTrait(const Expr &e, bool report);
  void addConformance(StructDecl &decl, TraitDecl &trait);
  void addTraitMethods(StructDecl &decl);

  //===--- Structs (SemaStruct.cpp) ----------------------------------------===//
  void declareStruct(StructDecl &decl);
  void resolveFields(StructDecl &decl);
  void checkConformances(StructDecl &decl);
  void reportUnknownTrait(const Expr &e);
  void declareMethods(StructDecl &decl);
  void checkMethod(StructDecl &decl, FnDecl &method);
  void synthesizeFieldwiseInit(StructDecl &decl);
  void checkStructBodies(StructDecl &decl);
  /// Checks the body of a deferred method, now that `requestedAt` uses it.
  void requestBody(FnDecl &fn, llvm::SMLoc requestedAt);
  void deferMethods(StructDecl &instance);
  Scope &getStructScope(StructDecl &decl);
  const Type *checkAttribute(AttributeExpr &attr);
  StructDecl *getStructNamedBy(const Expr *e);
  const Symbol *lookupStructMember(StructDecl &decl, llvm::StringRef name);
  static bool isStructTemplate(const Type *type);
  StructDecl *instantiateStruct(StructDecl &templ,
                                llvm::ArrayRef<ExprPtr> args, llvm::SMLoc loc);
  StructDecl *inferStructInstance(StructDecl &templ, CallExpr &call,
                                  llvm::StringRef method = "__init__");
  std::optional<std::string>
  bindCompileTimeArgs(llvm::ArrayRef<CompileTimeParam> params,
                      llvm::ArrayRef<ExprPtr> args, llvm::StringRef name,
                      llvm::SMLoc loc,
                      std::vector<CompileTimeBinding> &bindings);
  // `where` clauses (SemaConstraint.cpp).
  const Type *checkConformsTo(ExprPtr &e);
  const Type *foldStringLiteral(ExprPtr &e);
  /// Whether the `where` condition of `fn`, if any, holds.
  bool meetsConstraint(FnDecl &fn);
  bool evaluateCondition(ExprPtr &cond, Scope *in);
  /// The methods `name` of `decl` that its `where` conditions allow.
  std::vector<FnDecl *> findCallableMethods(StructDecl &decl,
                                            llvm::StringRef name);
  /// Checks the body of `fn`, unless its `where` condition is false.
  void checkUnlessExcluded(FnDecl &fn);
  void reportExcluded(const CallExpr &call, const FnDecl &fn);
  // Variadic compile-time parameters (SemaPack.cpp).
  static std::vector<const Expr *>
  takePositionalArgs(llvm::ArrayRef<ExprPtr> args, size_t &positional);
  bool bindPack(const CompileTimeParam &param,
                llvm::ArrayRef<const Expr *> given,
                llvm::ArrayRef<const Type *> inferred, llvm::SMLoc loc,
                bool report, CompileTimeBinding &binding);
  static std::string describeBinding(const CompileTimeBinding &binding);
  Symbol makePackSymbol(const CompileTimeBinding &binding,
                        std::vector<std::unique_ptr<AliasDecl>> &values);
  void expandArgumentPacks(FnDecl &instance);
  const Pack *getPack(const Expr *e);
  ExprPtr getPackElement(const Pack &pack, size_t i, llvm::SMRange range);
  bool rewritePackUse(ExprPtr &e);
  std::vector<std::unique_ptr<Pack>> packs;
  AliasDecl *instantiateAlias(AliasDecl &templ, llvm::ArrayRef<ExprPtr> args,
                              llvm::SMLoc loc);
  /// The instance `Name[args]` denotes, if `Name` is an alias template.
  AliasDecl *getAliasInstance(const Expr *e);
  const Expr *getTraitAliasValue(const NameExpr &name);
  void addConformances(StructDecl &decl, const Expr &trait);
  /// Whether `e` spells a type (`Int`, `List[Int]`, a type alias).
  bool spellsType(const Expr *e,
                  llvm::ArrayRef<CompileTimeParam> params = {});
  std::vector<std::unique_ptr<AliasDecl>> failedAliases;
  StructDecl *getStructInstance(StructDecl &templ, const std::string &key,
                                llvm::ArrayRef<CompileTimeBinding> bindings,
                                llvm::SMLoc loc);
  /// Whether `e` denotes storage (a variable or a field of one) rather than
  /// a temporary.
  static bool isLValue(const Expr *e);
  LocalVar *getRootVariable(Expr *e);
  bool checkAssignableLValue(Expr *target);
  void reportImmutable(LocalVar &local, llvm::SMRange at);

  //===--- References (SemaRef.cpp) ----------------------------------------===//
  void resolveResultOrigin(FnDecl &fn);
  /// Whether `e` is a call of a function that returns a reference.
  static bool returnsReference(const Expr *e);
  /// The variable whose storage writing `e` changes, or the call whose
  /// result is read-only on the way there.
  struct WriteAccess {
    LocalVar *root = nullptr;
    const CallExpr *readOnlyResult = nullptr;
  };
  WriteAccess getWriteAccess(Expr *e);
  bool isMutableStorage(Expr *e);
  static void markWritten(LocalVar *local);
  /// The variable whose storage `e` is in, through references.
  LocalVar *getReferencedVariable(Expr *e);
  void checkRefArgument(ExprPtr &arg, const FnDecl &callee,
                        const Param &param);
  void noteRefArgument(Expr *arg, const FnDecl &callee, const Param &param);
  void checkRefArguments();
  void bindReference(LocalVar *local, Expr *value, bool isMutable);
  void checkRefBinding(VarStmt &var);
  void checkRefReturn(ReturnStmt &ret);
  void bindLoopReference(ForStmt &loop);

  //===--- Tuples (SemaTuple.cpp) ------------------------------------------===//
  /// The tuple struct `type` is, or null.
  static const StructDecl *getTupleDecl(const Type *type);
  const Type *checkTupleConstruction(ExprPtr &e, const Type *type);
  StructDecl *getTupleDecl(llvm::ArrayRef<const Type *> elements,
                           llvm::SMRange at);
  std::unique_ptr<FnDecl> makeTupleWriteTo(StructDecl &decl);
  static ExprPtr makeFieldAccess(const FieldDecl &field, llvm::SMRange at);
  std::unique_ptr<FnDecl> makeWriteTo(StructDecl &decl,
                                      std::vector<ExprPtr> parts);
  std::unique_ptr<FnDecl> makeFieldwiseWriteTo(StructDecl &decl);
  //===--- Fieldwise methods (SemaFieldwise.cpp) --------------------------===//
  std::unique_ptr<FnDecl> makeFieldwiseEq(StructDecl &decl);
  std::unique_ptr<FnDecl> makeFieldwiseHash(StructDecl &decl);
  const Type *resolveTupleType(const Expr *typeExpr);
  const Type *checkTuple(TupleExpr &tuple, const Type *expected);
  const Type *checkTupleElement(ExprPtr &e, const StructDecl &decl);
  bool checkUnpacking(AssignStmt &assign);
  void bindLoopElements(ForStmt &loop, TupleExpr &targets, const Type *item);

  //===--- Nested functions and closures (SemaClosure.cpp) -----------------===//
  void checkLocalFunction(FunctionStmt &stmt);
  void captureListed(FnDecl &fn);
  void checkClosureBody(FnDecl &fn);
  void finishNestedInstance(FnDecl &instance, llvm::SMLoc requestedAt);
  LocalVar *makeCapture(FnDecl &fn, LocalVar &outer, const CaptureDecl &capture,
                        llvm::SMRange at);
  void captureExplicitly(FnDecl &fn, const CaptureDecl &capture);
  LocalVar *captureImplicitly(NameExpr &name, LocalVar &outer);
  bool passCaptures(CallExpr &call, FnDecl &fn, std::vector<Expr *> &resolved);

  //===--- DType and SIMD (SemaSIMD.cpp) -----------------------------------===//
  static ExprPtr makeDTypeLiteral(llvm::SMRange range, int64_t code);
  /// A call of `builtin` with `args`, checked already, giving `type`.
  static ExprPtr makeBuiltinCall(Builtin builtin, std::vector<ExprPtr> args,
                                 llvm::SMRange range, const Type *type);
  /// `SIMD[dtype, w]` or `Scalar[dtype]` when `e` spells one and no
  /// declaration takes the name, else null.
  const Type *resolveSIMDType(const Expr *e);
  /// Whether an argument typed `typeExpr` takes any SIMD value (`v: SIMD`).
  static bool isAutoParameterized(const Expr *typeExpr);
  const Type *getNamedSIMDType(const Expr *e);
  /// The scalar type the `DType` value `e` names, known at compile time.
  const Type *evaluateDType(ExprPtr &e);
  /// The lane count `e` gives, known at compile time: a power of two.
  std::optional<unsigned> evaluateSIMDWidth(ExprPtr &e);
  const Type *checkLaneAccess(CallExpr &call, AttributeExpr &callee,
                              const PointerType *type,
                              llvm::ArrayRef<ExprPtr> explicitArgs);
  /// `DType.float32`, `v.dtype`, `SIMD[...].size`: constants.
  bool rewriteSIMDAttribute(ExprPtr &e);
  bool rewriteNumericLimit(ExprPtr &e);
  // GPU kernels (SemaGPU.cpp).
  bool rewriteGPUIndex(ExprPtr &e);
  const Type *checkStackAllocation(CallExpr &call,
                                   llvm::ArrayRef<ExprPtr> params);
  const Type *checkAtomic(CallExpr &call);
  bool checkKernelSignature(FnDecl &kernel, llvm::SMRange use);
  FnDecl *getNamedKernel(llvm::ArrayRef<ExprPtr> names,
                         llvm::StringRef method, llvm::SMRange range);
  const Type *checkCompileFunction(CallExpr &call, AttributeExpr &callee,
                                   llvm::ArrayRef<ExprPtr> names);
  bool checkLaunchDims(CallExpr &call, ExprPtr &dims, llvm::StringRef keyword);
  void checkKernelArgument(CallExpr &launch, ExprPtr &arg, const Param &param);
  const Type *checkGPULaunch(CallExpr &call, AttributeExpr &callee,
                             llvm::ArrayRef<ExprPtr> names);
  const Type *checkDeviceContextMethod(CallExpr &call, AttributeExpr &callee,
                                       const StructDecl &decl,
                                       llvm::ArrayRef<ExprPtr> names);
  const Type *checkDTypeMethod(ExprPtr &e, AttributeExpr &callee);
  const Type *checkSIMDConstruction(ExprPtr &e, const Type *to);
  bool checkLaneIndex(ExprPtr &index, const Type *type);
  /// `simd_width_of[dtype]()`: the lanes of `dtype` in the target's widest
  /// vector register, a constant.
  const Type *checkSimdWidthOf(ExprPtr &e);
  const Type *checkSIMDElement(ExprPtr &e);
  void checkSIMDSetItem(ExprPtr &target, ExprPtr &value);
  /// The method call `e` of a SIMD value or a `DType`; null when the base is
  /// neither, or the method one of a scalar's others.
  const Type *checkSIMDMethodCall(ExprPtr &e, AttributeExpr &callee,
                                  llvm::ArrayRef<ExprPtr> explicitArgs);

  //===--- Parallelism (SemaParallel.cpp) ----------------------------------===//
  /// `parallelize[work](count)`, or the sequential `map[work](count)`.
  const Type *checkParallelize(CallExpr &call, Builtin builtin);
  const Type *checkGPUParallelize(CallExpr &call, FnDecl &work, Expr &ctx);
  static bool isDeviceContext(const Type *type);
  const Type *checkVectorize(CallExpr &call);

  //===--- Pointers (SemaPointer.cpp) --------------------------------------===//
  const Type *resolvePointerType(const Expr *e);
  const Type *checkPointerElement(SubscriptExpr &e, const PointerType *type);
  bool checkArgumentCount(CallExpr &call, llvm::StringRef name, size_t count);
  const Type *checkAlloc(CallExpr &call, const Type *pointee);
  const Type *checkMemcpy(CallExpr &call);
  const Type *checkPointerMethod(CallExpr &call, AttributeExpr &callee,
                                 const PointerType *type,
                                 llvm::ArrayRef<ExprPtr> explicitArgs);
  const Type *checkStringLiteralMethod(CallExpr &call, AttributeExpr &callee);

  //===--- Containers (SemaContainer.cpp) ----------------------------------===//
  StructDecl *instantiateWithTypes(StructDecl &templ,
                                   llvm::ArrayRef<const Type *> types,
                                   llvm::SMLoc loc);
  const Type *getElementType(const StructDecl &decl, const StructDecl &templ);
  StructDecl *getLibraryTemplate(llvm::StringRef name);
  const Type *getLiteralElementType(ExprPtr &first);
  /// The type a variable gets from a value of `type`: a string literal
  /// becomes a `String`, as in Mojo; `materialize` converts `value` so.
  const Type *getMaterializedType(const Type *type);
  const Type *materialize(ExprPtr &value, const Type *type);
  const Type *checkList(ListExpr &list, const Type *expected);
  const Type *checkDict(DictExpr &dict, const Type *expected);
  const Type *checkContainerLoop(ForStmt &loop);

  //===--- Writing text (SemaWrite.cpp) ------------------------------------===//
  bool rewriteWriteCall(ExprPtr &e);
  void checkPrintWritable(ExprPtr &arg);
  const Type *nameDType(ExprPtr &e);
  LocalVar *declareHiddenLocal(llvm::StringRef name, llvm::SMRange range,
                               const Type *type);

  //===--- Lifecycle (SemaLifecycle.cpp) -----------------------------------===//
  bool checkLifecycleMethod(StructDecl &decl, FnDecl &method);
  void recordLifecycleMethod(StructDecl &decl, FnDecl *StructDecl::*role,
                             FnDecl &method);
  /// Whether using `e` where a value must be owned copies it: `e` is a
  /// struct in storage, or a field with a lifecycle of a temporary.
  static bool isCopiedWhenOwned(const Expr &e);
  /// Checks that using the value of `e` where it must be owned is allowed:
  /// a copy needs `ImplicitlyCopyable`.
  void checkCopy(const Expr &e);
  void checkOwnedValue(ExprPtr &e, const Type *to);

  //===--- Calls of C functions (SemaFFI.cpp) ------------------------------===//
  const Type *checkExternalCall(CallExpr &call, llvm::ArrayRef<ExprPtr> params);

  //===--- Errors (SemaError.cpp) ------------------------------------------===//
  const Type *getErrorStructType();
  void resolveRaisedType(FnDecl &fn);
  bool raiseImplicitly(llvm::SMRange range);
  void settleRaising(FnDecl &fn);
  void recordRaise(ErrorConversion &site, const Type *raised,
                   llvm::SMRange range, const FnDecl *callee);
  const Type *finishHandler();
  bool isWritable(const Type *type);
  void convertError(ErrorConversion &site, const Type *from, const Type *to,
                    llvm::SMRange range);
  void checkRaise(RaiseStmt &s);
  void checkTry(TryStmt &s);
  void checkWith(WithStmt &s, size_t item = 0);
  /// A checked reference to `local`, which Sema made.
  static ExprPtr makeLocalRef(LocalVar *local, llvm::SMRange range);

  //===--- Statements (SemaStmt.cpp) ---------------------------------------===//
  void checkBlock(Block &block);
  void checkStmt(Stmt *stmt);
  void checkVar(VarStmt &var);
  void checkAssign(AssignStmt &assign);
  void checkAssignTo(ExprPtr &target, ExprPtr &value, bool declares = false);
  void checkAugAssign(AugAssignStmt &assign);
  bool bindAugmentedReference(AugAssignStmt &assign);
  void checkFor(ForStmt &loop);
  void checkComptimeIf(IfStmt &s);
  void checkComptimeAssert(ComptimeAssertStmt &s);
  void checkComptimeFor(ForStmt &loop);
  void checkReturn(ReturnStmt &ret);
  LocalVar *declareLocal(llvm::StringRef name, llvm::SMRange range,
                         const Type *type, Scope &scope);
  LocalVar *lookupAssignable(NameExpr &name);
  static bool alwaysExits(const Block &block);

  //===--- Expressions (SemaExpr.cpp) --------------------------------------===//
  /// Checks `e` in a context that wants `expected` (may be null), and
  /// returns its type. Literals adapt to `expected`.
  const Type *check(ExprPtr &e, const Type *expected = nullptr);
  /// Like check(), and rejects a call that returns nothing.
  const Type *checkValue(ExprPtr &e, const Type *expected = nullptr);
  /// Checks `e` and requires type `to`.
  void checkAs(ExprPtr &e, const Type *to);
  bool convertImplicitly(ExprPtr &e, const Type *to);
  static bool isImplicitScalarConversion(const Type *from, const Type *to);
  std::vector<FnDecl *> getImplicitConversions(const Type *from,
                                               const Type *to);
  void checkCondition(ExprPtr &e);
  /// Checks operands that must end up with one type, which it returns
  /// (null after an error). Literals adapt to the other operands.
  const Type *checkSameType(llvm::ArrayRef<ExprPtr *> operands,
                            const Type *expected, llvm::StringRef op);
  static bool isLiteral(const Expr *e);
  static bool containsFloatLiteral(const Expr *e);
  const Type *checkIntLiteral(IntLiteralExpr &lit, const Type *expected,
                              bool negated);
  const Type *checkName(NameExpr &name);
  const Type *checkTransfer(TransferExpr &e);
  void reportUndefined(NameExpr &name);
  /// The source text `range` spans.
  static llvm::StringRef getSourceText(llvm::SMRange range);
  const Type *checkUnary(ExprPtr &e, const Type *expected);
  const Type *checkBinary(ExprPtr &e, const Type *expected);
  const Type *checkBoolOp(BoolOpExpr &e, const Type *expected);
  const Type *checkCompare(ExprPtr &e);

  //===--- Operators of structs (SemaOperators.cpp) ------------------------===//
  bool rewriteOperator(ExprPtr &e);
  bool rewriteBinaryOperator(ExprPtr &e, ExprPtr &lhs, ExprPtr &rhs,
                             DunderNames names, llvm::StringRef spelling,
                             llvm::SMLoc opLoc);
  bool acceptsArgument(StructDecl &decl, llvm::StringRef method,
                       const Expr &arg);
  const Type *checkSubscript(ExprPtr &e);
  void checkSetItem(ExprPtr &target, ExprPtr &value);
  bool rewriteInPlaceOperator(AugAssignStmt &assign);
  /// `base.name(args...)`, spanning `range`, with the name at `nameLoc`.
  /// A call of the function `name` (a library one, say) with `args`.
  static ExprPtr makeFunctionCall(llvm::StringRef name,
                                  std::vector<ExprPtr> args,
                                  llvm::SMRange range);
  static ExprPtr makeMethodCall(ExprPtr base, llvm::StringRef name,
                                std::vector<ExprPtr> args, llvm::SMRange range,
                                llvm::SMLoc nameLoc);
  const Type *checkConditional(ConditionalExpr &e, const Type *expected);
  void mismatch(const Expr &e, const Type *to);

  //===--- Calls (SemaCall.cpp) --------------------------------------------===//
  const Type *checkCall(ExprPtr &e, const Type *expected);
  /// Resolves a call among `candidates` (the overloads of one name); a
  /// method call passes its object as `self`.
  const Type *checkOverloadedCall(CallExpr &call,
                                  llvm::ArrayRef<FnDecl *> candidates,
                                  llvm::StringRef name, Expr *self,
                                  llvm::ArrayRef<ExprPtr> explicitArgs = {});
  bool isViable(const CallExpr &call, const FnDecl &fn, unsigned &cost);
  const Type *checkFunctionCall(CallExpr &call, FnDecl &fn, Expr *self);
  void checkMutArgument(ExprPtr &arg, const Param &param);
  const Type *checkMethodCall(CallExpr &call, AttributeExpr &callee,
                              llvm::ArrayRef<ExprPtr> explicitArgs = {});
  const Type *checkConstruction(CallExpr &call, StructDecl &decl);
  const Type *checkConversion(ExprPtr &e, const Type *to);
  const Type *checkRebind(ExprPtr &e, const Type *expected);
  static IntLiteralExpr *getIntLiteral(Expr *e, bool &negated);
  void checkMutAliasing(const FnDecl &fn, llvm::ArrayRef<Expr *> resolved);
  const Type *checkBuiltinCall(CallExpr &call, Builtin builtin,
                               const Type *expected);
  const Type *checkPrint(CallExpr &call);
  const Type *becomeValueOf(CallExpr &call, ExprPtr &arg, const Type *want);
  void checkRangeArgs(CallExpr &call);

  DiagnosticEngine &diags;
  Module *module = nullptr;
  /// The kernel of each `DeviceFunction[id]` that `compile_function` made.
  llvm::DenseMap<const StructDecl *, FnDecl *> deviceFunctions;
  /// The builtins and the library's prelude, which every unit sees.
  Scope moduleScope;
  /// The scope of each source unit's own names (the module scope for the
  /// prelude).
  std::vector<Scope *> unitScopes;
  /// The unit whose declarations are being checked, outside functions.
  unsigned currentUnit = 0;
  /// The modules `import` binds, by unit and path (`"0:std.time"`).
  llvm::StringMap<const ImportDecl *> importedModules;
  Scope *scope = &moduleScope;
  /// Where assignments declare new variables, as in Python.
  Scope *functionScope = nullptr;
  FnDecl *currentFn = nullptr;
  /// The function whose signature is being resolved.
  FnDecl *signatureOf = nullptr;
  /// Scopes of structs and instances, alive as long as Sema.
  std::vector<std::unique_ptr<Scope>> ownedScopes;
  /// Instances whose bodies are still to be checked, with where each was
  /// first requested.
  std::vector<std::pair<FnDecl *, llvm::SMLoc>> pendingInstances;
  std::vector<std::pair<StructDecl *, llvm::SMLoc>> pendingStructs;
  llvm::DenseMap<StructDecl *, Scope *> structScopeOf;
  unsigned loopDepth = 0;
  /// Where an error raised in the code being checked goes: the innermost
  /// `try` or `with` that handles it, or the function itself. A handler
  /// without a `type` takes the type its raises have in common.
  struct ErrorHandler {
    const Type *type = nullptr;
    std::vector<std::tuple<ErrorConversion *, const Type *, llvm::SMRange>>
        sites;
    unsigned count = 0;
  };
  std::vector<ErrorHandler> errorHandlers;
  /// The argument and result types of each C function called, with where
  /// it was first called.
  llvm::StringMap<std::pair<std::vector<const Type *>, llvm::SMLoc>>
      externalSignatures;
  /// The errors of the `except` blocks being checked, for a bare `raise`.
  std::vector<LocalVar *> caughtErrors;
  /// Immutable values passed to `ref` arguments, and `ref` arguments passed
  /// on to others, to check once it is known which bodies write them.
  struct PendingRefArgument {
    const FnDecl *callee;
    const Param *param;
    LocalVar *forwardedFrom;
    llvm::SMRange range;
    bool isMutable;
  };
  std::vector<PendingRefArgument> pendingRefArguments;
  /// Aliases being checked, to catch `alias A = B; alias B = A`.
  llvm::SmallPtrSet<AliasDecl *, 4> aliasesInProgress;

  /// Enters a nested scope for its lifetime.
  struct ScopeRAII {
    Sema &sema;
    Scope inner;
    explicit ScopeRAII(Sema &sema) : sema(sema), inner(sema.scope) {
      sema.scope = &inner;
    }
    ~ScopeRAII() { sema.scope = inner.getParent(); }
  };
};

} // namespace ember

#endif

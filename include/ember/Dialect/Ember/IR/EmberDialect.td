//===- EmberDialect.td - Ember dialect definition -----------*- tablegen -*-===//
//
// The `ember` dialect is the first IR of the compiler: it keeps the
// language's semantics (Python-style floor division, signedness carried by
// the types, string literals, locals) so that later passes can reason about
// them before they are lowered to upstream dialects.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_DIALECT
#define EMBER_DIALECT

include "mlir/IR/OpBase.td"

def Ember_Dialect : Dialect {
  let name = "ember";
  let summary = "The high-level IR of the Ember language.";
  let description = [{
    Ember's own IR. Integer values use signed (`si64`) or unsigned (`ui8`)
    builtin integer types so that division, comparison, conversion and
    printing know their signedness; `i1` is `Bool`. Locals live in
    `!ember.ref<T>` slots until LLVM promotes them to registers.
  }];
  let cppNamespace = "::ember";
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

class Ember_Op<string mnemonic, list<Trait> traits = []>
    : Op<Ember_Dialect, mnemonic, traits>;

#endif // EMBER_DIALECT

//===- Passes.h - Ember conversion passes -----------------------*- C++ -*-===//

#ifndef EMBER_CONVERSION_PASSES_H
#define EMBER_CONVERSION_PASSES_H

#include "ember/Conversion/EmberToStandard/EmberToStandard.h"

#include "mlir/Pass/Pass.h"

namespace ember {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "ember/Conversion/Passes.h.inc"

} // namespace ember

#endif

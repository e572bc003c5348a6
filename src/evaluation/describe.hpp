// Putting an Assessment into words: the Evaluation of evaluation.hpp, with
// labels, messages in the requested language, sources, reasons and each
// role's actions. Only the per-person API pays for text.
#pragma once

#include <string>
#include <vector>

#include "assessment.hpp"
#include "yrkesresan/certificate.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// A label of the program in the evaluation's language: its label_en for
// English when the program gives one, else the label as the program states it.
template <class T>
const std::string& label_in(const T& x, Language lang) noexcept {
    return lang == Language::en && !x.label_en.empty() ? x.label_en : x.label;
}

Evaluation describe(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                    const Assessment& assessment, Date as_of, Language lang);

// R4-R8 in words: components, modules, certificates, recommendations and the
// actions that follow from them. Appends to ev.
void describe_components(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                         const Assessment& assessment, Date as_of, Evaluation& ev);

// What a certificate still needs, in words (R8).
std::vector<Finding> describe_missing(const ProgramData& program, const PersonFacts& facts,
                                      const CertificateOutcome& outcome, Date as_of, Language lang);

// The warning in words.
Finding describe_warning(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                         const Assessment& assessment, const RawWarning& w, Language lang);

}  // namespace detail
YRKESRESAN_END_NAMESPACE

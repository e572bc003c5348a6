// The evaluation document as JSON text: written by evaluation_document.hpp,
// the document's one description, which Evaluation.to_dict() in Python also uses.
#include "evaluation_document.hpp"
#include "json_writer.hpp"
#include "yrkesresan/evaluation.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string Evaluation::to_json() const {
    std::string out;
    out.reserve(16 * 1024);
    detail::JsonWriter w(out);
    detail::write_evaluation(w, *this);
    return out;
}

YRKESRESAN_END_NAMESPACE

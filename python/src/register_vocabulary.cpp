// The closed vocabularies of the JSON documents, from the library's one table
// of each, so that no Python module keeps its own copy of a list.
#include "bindings.hpp"
#include "json_input.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/roles.hpp"

#include <string>
#include <vector>

namespace yr_python {

namespace {

template <class E>
std::vector<std::string> spelled(int count) {
    std::vector<std::string> words;
    for (int i = 0; i < count; ++i) words.emplace_back(yrkesresan::to_string(static_cast<E>(i)));
    return words;
}

}  // namespace

void register_vocabulary(py::module_& m) {
    m.def("roles", [] { return spelled<yrkesresan::Role>(yrkesresan::role_count); },
          "The responsibility codes, in their order: EC, 1:e, FA, AD, SJ, EJ.");
    m.def("named_roles", [] {
        return std::vector<std::string>(yrkesresan::named_roles.begin(), yrkesresan::named_roles.end());
    }, "The roles a person record names a holder for (its people): EC, 1:e, FA, AD, introduktor, mentor.");
    m.def("event_types", [] { return spelled<yrkesresan::EventType>(yrkesresan::event_type_count); },
          "The types of event a person record holds.");
    m.def("leave_kinds", [] { return spelled<yrkesresan::LeaveKind>(yrkesresan::leave_kind_count); },
          "The kinds of leave a person record names.");
    m.def("key_may_be_shown", [](std::string_view key) { return yrkesresan::detail::key_may_be_shown(key); },
          py::arg("key"),
          "Whether an input key may be written into an error's path: the readers' rule, which keeps names and "
          "personnummer out of messages.");
}

}  // namespace yr_python

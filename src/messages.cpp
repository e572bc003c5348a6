#include "messages.hpp"

#include <array>

namespace yrkesresan::detail {
namespace {

struct Template {
    std::string_view code;
    std::string_view sv;
    std::string_view en;
};

constexpr std::array templates = {
    Template{"fadder_not_named",
             "Punkter är tilldelade fadder (FA) men ingen fadder är utsedd.",
             "Items are assigned to the fadder (FA) but no fadder is named."},
    Template{"forste_not_named",
             "Punkter är tilldelade 1:e socialsekreterare (1:e) men ingen är utsedd.",
             "Items are assigned to the senior social worker (1:e) but none is named."},
    Template{"prerequisite_violation",
             "{item} markerades klar {date} innan förutsättningen {requires} var klar.",
             "{item} was marked done on {date} before its prerequisite {requires} was done."},
    Template{"duplicate_event",
             "{item} är markerad klar mer än en gång; det tidigaste datumet gäller.",
             "{item} is marked done more than once; the earliest date counts."},
    Template{"event_for_removed_item",
             "{item} är borttagen ur planen men har markerats klar {date}.",
             "{item} is removed from the plan but was marked done on {date}."},
    Template{"action_assign_codes",
             "Fyll i ansvar för {n} punkter i {checklist}",
             "Assign responsibility for {n} items in {checklist}"},
    Template{"action_name_fadder", "Utse fadder", "Name a fadder"},
    Template{"action_name_forste", "Utse 1:e socialsekreterare", "Name a senior social worker (1:e)"},
};

}  // namespace

std::string message(std::string_view code, Language language, MessageArgs args) {
    std::string_view text = code;
    for (const auto& t : templates)
        if (t.code == code) text = language == Language::en ? t.en : t.sv;
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            const auto name = text.substr(i + 1, close - i - 1);
            for (const auto& [k, v] : args)
                if (k == name) out += v;
            i = close;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace yrkesresan::detail

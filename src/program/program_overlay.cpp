// R3 layering: a municipality or unit overlay adds sections and items,
// removes items, sets default codes and deadlines, and changes a component's
// settings. Applied to the definition document,
// then the result is compiled and validated like any program; problems in the
// overlay itself are reported with JSON Pointers into the overlay.
#include <algorithm>
#include <set>

#include "id_messages.hpp"
#include "program_data.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

struct Location {
    std::size_t checklist, section, item;
};

// Where each item id sits in a definition document.
std::unordered_map<std::string, Location> locate_items(const json& def) {
    std::unordered_map<std::string, Location> where;
    const json& lists = def.at("checklists");
    for (std::size_t c = 0; c < lists.size(); ++c) {
        const json& sections = lists[c].at("sections");
        for (std::size_t s = 0; s < sections.size(); ++s) {
            const json& items = sections[s].at("items");
            for (std::size_t i = 0; i < items.size(); ++i) where[items[i].at("id").get<std::string>()] = {c, s, i};
        }
    }
    return where;
}

// The id of an object, or "" when it has none or a non-string one.
std::string id_of(const json& e) {
    if (!e.is_object()) return "";
    auto it = e.find("id");
    return it != e.end() && it->is_string() ? it->get<std::string>() : "";
}

// The ids of the objects of an array, in order (views into it).
std::vector<std::string_view> ids_in(const json& array) {
    std::vector<std::string_view> ids;
    for (const auto& e : array)
        if (e.is_object())
            if (auto it = e.find("id"); it != e.end() && it->is_string()) ids.push_back(it->get_ref<const std::string&>());
    return ids;
}

std::vector<std::string_view> ids_of(const std::set<std::string>& set) {
    return std::vector<std::string_view>(set.begin(), set.end());
}

json* find_by_id(json& array, const std::string& id) {
    for (auto& e : array)
        if (!id.empty() && id_of(e) == id) return &e;
    return nullptr;
}

// Checks an item object an overlay adds; `known` holds the ids it may require.
void check_new_item(const json& item, const std::string& path, std::initializer_list<std::string_view> extra,
                    const std::set<std::string>& existing, const std::set<std::string>& known,
                    Diagnostics& diag) {
    std::vector<std::string_view> fields = {"id", "label", "label_en", "comment", "responsible", "due", "requires",
                                            "source"};
    fields.insert(fields.end(), extra.begin(), extra.end());
    if (!item.is_object()) {
        diag.add(ErrorCode::wrong_type, path, std::string("expected an object, found ") + type_name(item));
        return;
    }
    for (auto it = item.begin(); it != item.end(); ++it)
        if (std::find(fields.begin(), fields.end(), it.key()) == fields.end())
            report_unknown_field(path, it.key(), fields.data(), fields.size(), diag);
    auto id_it = item.find("id");
    if (id_it == item.end()) {
        diag.add(ErrorCode::missing_field, path + "/id", "required field is missing");
    } else if (auto id = read_id(*id_it, path + "/id", diag)) {
        if (!is_valid_id(*id))
            diag.add(ErrorCode::invalid_value, path + "/id", "ids are 1-64 characters of lowercase a-z, 0-9, '-', '_', '.', ':'");
        else if (existing.count(*id))
            diag.add(ErrorCode::duplicate_id, path + "/id", "item " + quoted_id(*id, "with this id") + " already exists");
    }
    auto label = item.find("label");
    if (label == item.end()) diag.add(ErrorCode::missing_field, path + "/label", "required field is missing");
    else if (auto l = read_string(*label, path + "/label", diag); l && l->empty())
        diag.add(ErrorCode::invalid_value, path + "/label", "must not be empty");
    if (auto e = item.find("label_en"); e != item.end())
        if (auto l = read_string(*e, path + "/label_en", diag); l && l->empty())
            diag.add(ErrorCode::invalid_value, path + "/label_en", "must not be empty");
    if (auto c = item.find("comment"); c != item.end()) read_string(*c, path + "/comment", diag);
    if (auto r = item.find("responsible"); r != item.end()) {
        RoleSet ignored;
        if (!r->is_array()) diag.add(ErrorCode::wrong_type, path + "/responsible", "expected an array of codes");
        else ItemReader::check_codes(*r, path + "/responsible", diag, &ignored);
    }
    if (auto d = item.find("due"); d != item.end()) {
        DueRule ignored;
        ItemReader::check_due(*d, path + "/due", diag, &ignored);
    }
    if (auto s = item.find("source"); s != item.end()) {
        SourceRef ignored;
        ItemReader::check_source(*s, path + "/source", diag, &ignored);
    }
    if (auto r = item.find("requires"); r != item.end()) {
        if (!r->is_array()) {
            diag.add(ErrorCode::wrong_type, path + "/requires", "expected an array of item ids");
        } else {
            for (std::size_t i = 0; i < r->size(); ++i) {
                const std::string p = path + "/requires/" + std::to_string(i);
                if (auto id = read_id((*r)[i], p, diag); id && !known.count(*id))
                    diag.add(ErrorCode::unknown_reference, p,
                             "no item " + quoted_id(*id, "with this id") + " in the program or the overlay" +
                                 existing_ids(*id, ids_of(known)));
            }
        }
    }
}

// set_due: a checklist's or an item's deadline, a due rule as the program's.
void set_due(const ObjectReader& r, json& def, const std::set<std::string>& removed, OverlayPaths& moved,
             Diagnostics& diag) {
    const json* dues = r.object("set_due");
    if (!dues) return;
    json& lists = def.at("checklists");
    for (auto it = dues->begin(); it != dues->end(); ++it) {
        const std::string path = member_path(r.path("set_due"), it.key());
        DueRule ignored;
        ItemReader::check_due(*it, path, diag, &ignored);
        json* target = nullptr;
        std::string target_path;
        for (std::size_t c = 0; c < lists.size() && !target; ++c) {
            if (id_of(lists[c]) == it.key()) {
                target = &lists[c];
                target_path = "/checklists/" + std::to_string(c);
            }
            json& sections = lists[c]["sections"];
            for (std::size_t s = 0; s < sections.size() && !target; ++s) {
                json& items = sections[s]["items"];
                for (std::size_t i = 0; i < items.size() && !target; ++i)
                    if (id_of(items[i]) == it.key() && !removed.count(it.key())) {
                        target = &items[i];
                        target_path = "/checklists/" + std::to_string(c) + "/sections/" + std::to_string(s) + "/items/" +
                                      std::to_string(i);
                    }
            }
        }
        if (!target) {
            std::vector<std::string_view> known = ids_in(lists);
            for (auto& list : lists)
                for (auto& section : list["sections"])
                    for (const auto id : ids_in(section["items"])) known.push_back(id);
            diag.add(ErrorCode::unknown_reference, path,
                     "no checklist or item " + quoted_id(it.key(), "with this id") + " to set a deadline for" +
                         (key_may_be_shown(it.key()) ? existing_ids(it.key(), known) : std::string()));
            continue;
        }
        json& due = (*target)["due"];
        release(due);
        due = *it;
        moved.push_back({target_path + "/due", path});
    }
}

// set_component: settings of a component within what its kind allows; each
// named setting replaces the program's whole.
void set_component(const ObjectReader& r, json& def, OverlayPaths& moved, Diagnostics& diag) {
    const json* settings = r.object("set_component");
    if (!settings) return;
    json& components = def["components"];
    for (auto it = settings->begin(); it != settings->end(); ++it) {
        const std::string path = member_path(r.path("set_component"), it.key());
        std::size_t index = 0;
        while (index < components.size() && id_of(components[index]) != it.key()) ++index;
        if (index == components.size()) {
            diag.add(ErrorCode::unknown_reference, path,
                     "no component " + quoted_id(it.key(), "with this id") + " in the program" +
                         (key_may_be_shown(it.key()) ? existing_ids(it.key(), ids_in(components)) : std::string()));
            continue;
        }
        json& component = components[index];
        const std::string kind = component.value("kind", "");
        std::vector<std::string_view> allowed;
        if (kind == "course") allowed = {"target", "window", "module_hours", "certificate"};
        else if (kind == "supervision") allowed = {"target", "window", "sessions", "session_hours", "group", "certificate"};
        else if (kind == "mentor") allowed = {"window"};
        else if (kind == "introduktor") allowed = {"window", "hours_per_week"};
        else if (kind == "annual") allowed = {"per_year", "at_least", "group"};
        if (!it->is_object()) {
            diag.add(ErrorCode::wrong_type, path, std::string("expected an object, found ") + type_name(*it));
            continue;
        }
        for (auto setting = it->begin(); setting != it->end(); ++setting) {
            if (std::find(allowed.begin(), allowed.end(), setting.key()) == allowed.end()) {
                report_unknown_field(path, setting.key(), allowed.data(), allowed.size(), diag,
                                     "not a setting an overlay may change for this kind of component");
                continue;
            }
            json& value = component[setting.key()];
            release(value);
            value = *setting;
            moved.push_back({"/components/" + std::to_string(index) + "/" + setting.key(), path + "/" + setting.key()});
        }
    }
}

}  // namespace

// Applies one overlay document to a definition document, in place. A value
// the overlay replaces is released first (json_input.hpp): nlohmann's
// destructor would allocate.
OverlayPaths apply_overlay(json& def, const json& overlay) {
    Diagnostics diag;
    OverlayPaths moved;
    ObjectReader r(overlay, "", diag,
                   {"$schema", "format", "overlay", "level", "program", "label", "source", "add_sections",
                    "add_items", "remove_items", "set_responsible", "set_due", "set_component", "applies_from"});
    if (!r.ok()) diag.throw_if_any();
    r.integer("format", 1, 1, true);
    std::string name;
    if (auto o = r.id("overlay", true)) {
        if (!is_valid_id(*o)) diag.add(ErrorCode::invalid_value, r.path("overlay"), "ids are lowercase ASCII without spaces");
        else name = *o;
    }
    std::string level;
    if (auto l = r.string("level", true)) {
        if (*l != "municipality" && *l != "unit")
            diag.add(ErrorCode::invalid_value, r.path("level"), "level is 'municipality' or 'unit'");
        else level = *l;
    }
    if (auto prog = r.string("program", true); prog && *prog != def.at("id").get<std::string>())
        diag.add(ErrorCode::invalid_value, r.path("program"),
                 "the overlay is written for program " + quoted_id(*prog, "with another id") + ", not for " +
                     quoted_id(def.at("id").get<std::string>(), "this one"));
    r.string("label");
    r.date("applies_from");  // read again by Program::with_overlay, which keeps the program as it was before it
    if (const json* s = r.object("source")) {
        SourceRef ignored;
        ItemReader::check_source(*s, r.path("source"), diag, &ignored);
    }

    json& layers = def["layers"];
    if (!layers.is_array()) layers = json::array();
    if (layers.size() >= max_overlays)
        diag.add(ErrorCode::limit_exceeded, "", "a program takes at most " + std::to_string(max_overlays) + " overlays");
    if (level == "municipality")
        for (const auto& l : layers)
            if (l.get<std::string>().rfind("unit:", 0) == 0)
                diag.add(ErrorCode::invalid_value, r.path("level"), "municipality overlays come before unit overlays");

    auto where = locate_items(def);
    std::set<std::string> existing;
    for (const auto& [id, loc] : where) existing.insert(id);
    // Ids an added item may require: the program's and everything this overlay adds.
    std::set<std::string> known = existing;
    const json* add_sections = r.array("add_sections");
    const json* add_items = r.array("add_items");
    for (const json* adds : {add_sections, add_items}) {
        if (!adds) continue;
        for (const auto& a : *adds) {
            if (adds == add_items && a.is_object() && a.contains("id") && a["id"].is_string())
                known.insert(a["id"].get<std::string>());
            if (adds == add_sections && a.is_object() && a.contains("items") && a["items"].is_array())
                for (const auto& it : a["items"])
                    if (it.is_object() && it.contains("id") && it["id"].is_string()) known.insert(it["id"].get<std::string>());
        }
    }
    std::set<std::string> added;
    auto note_added = [&](const json& item, const std::string& path) {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) return;
        const auto id = item["id"].get<std::string>();
        if (!added.insert(id).second) diag.add(ErrorCode::duplicate_id, path + "/id", "item " + quoted_id(id, "with this id") + " added twice");
    };

    json& lists = def.at("checklists");
    if (add_sections) {
        for (std::size_t i = 0; i < add_sections->size(); ++i) {
            const std::string path = r.path("add_sections") + "/" + std::to_string(i);
            ObjectReader sr((*add_sections)[i], path, diag, {"checklist", "id", "label", "source", "items"});
            if (!sr.ok()) continue;
            auto checklist = sr.id("checklist", true);
            auto id = sr.id("id", true);
            auto label = sr.string("label", true);
            if (label && label->empty()) diag.add(ErrorCode::invalid_value, sr.path("label"), "must not be empty");
            if (const json* s = sr.object("source")) {
                SourceRef ignored;
                ItemReader::check_source(*s, sr.path("source"), diag, &ignored);
            }
            const json* items = sr.array("items", true);
            if (items)
                for (std::size_t k = 0; k < items->size(); ++k) {
                    const std::string ip = sr.path("items") + "/" + std::to_string(k);
                    check_new_item((*items)[k], ip, {}, existing, known, diag);
                    note_added((*items)[k], ip);
                }
            if (!checklist || !id || !label || !items) continue;
            if (id && !is_valid_id(*id)) diag.add(ErrorCode::invalid_value, sr.path("id"), "ids are lowercase ASCII without spaces");
            json* list = find_by_id(lists, *checklist);
            if (!list) {
                diag.add(ErrorCode::unknown_reference, sr.path("checklist"),
                         "no checklist " + quoted_id(*checklist, "with this id") + " in the program" +
                             existing_ids(*checklist, ids_in(lists)));
                continue;
            }
            if (find_by_id((*list)["sections"], *id)) {
                diag.add(ErrorCode::duplicate_id, sr.path("id"), "section " + quoted_id(*id, "with this id") + " already exists");
                continue;
            }
            Document section(json::object());  // member by member: the initializer-list constructor leaks on failure
            section.get()["id"] = *id;
            section.get()["label"] = *label;
            section.get()["items"] = *items;
            if (const json* s = sr.object("source")) section.get()["source"] = *s;
            (*list)["sections"].push_back(std::move(section.get()));
        }
    }
    if (add_items) {
        for (std::size_t i = 0; i < add_items->size(); ++i) {
            const std::string path = r.path("add_items") + "/" + std::to_string(i);
            const json& a = (*add_items)[i];
            check_new_item(a, path, {"checklist", "section"}, existing, known, diag);
            note_added(a, path);
            if (!a.is_object()) continue;
            Diagnostics quiet;  // unknown fields were reported by check_new_item
            ObjectReader ar(a, path, quiet, {"checklist", "section", "id", "label", "label_en", "comment", "responsible", "due",
                                             "requires", "source"});
            auto checklist = ar.id("checklist", true);
            auto section = ar.id("section");
            if (!quiet.empty()) quiet.forward_except(ErrorCode::unknown_field, diag);
            if (!checklist) continue;
            json* list = find_by_id(lists, *checklist);
            if (!list) {
                diag.add(ErrorCode::unknown_reference, ar.path("checklist"),
                         "no checklist " + quoted_id(*checklist, "with this id") + " in the program" +
                             existing_ids(*checklist, ids_in(lists)));
                continue;
            }
            json& sections = (*list)["sections"];
            json* target = section ? find_by_id(sections, *section) : (sections.empty() ? nullptr : &sections.back());
            if (!target) {
                diag.add(ErrorCode::unknown_reference, section ? ar.path("section") : ar.path("checklist"),
                         section ? "no section " + quoted_id(*section, "with this id") + " in the checklist" +
                                       existing_ids(*section, ids_in(sections))
                                 : "the checklist has no section");
                continue;
            }
            Document item(a);
            item.get().erase("checklist");
            item.get().erase("section");
            (*target)["items"].push_back(std::move(item.get()));
        }
    }
    std::set<std::string> removed;
    if (const json* remove = r.array("remove_items")) {
        for (std::size_t i = 0; i < remove->size(); ++i) {
            const std::string path = r.path("remove_items") + "/" + std::to_string(i);
            auto id = read_id((*remove)[i], path, diag);
            if (!id) continue;
            if (!existing.count(*id))
                diag.add(ErrorCode::unknown_reference, path,
                         "no item " + quoted_id(*id, "with this id") + " to remove" + existing_ids(*id, ids_of(existing)));
            else if (!removed.insert(*id).second) diag.add(ErrorCode::duplicate_id, path, "item " + quoted_id(*id, "with this id") + " removed twice");
        }
    }
    // A removed item no longer exists, so it can block nothing.
    auto drop_removed = [&](json& holder) {
        auto it = holder.find("requires");
        if (it == holder.end()) return;
        Document kept(json::array());
        for (const auto& req : *it)
            if (!req.is_string() || !removed.count(req.get<std::string>())) kept.get().push_back(req);
        release(*it);
        *it = std::move(kept.get());
    };
    for (auto& list : lists) {
        drop_removed(list);
        for (auto& section : list["sections"]) {
            Document kept(json::array());
            json& items = section["items"];
            for (auto& item : items) {
                if (removed.count(id_of(item))) continue;
                drop_removed(item);
                kept.get().push_back(std::move(item));
            }
            release(items);
            items = std::move(kept.get());
        }
    }
    if (const json* codes = r.object("set_responsible")) {
        for (auto it = codes->begin(); it != codes->end(); ++it) {
            // Keys are item or checklist ids; a key that may not be shown ends the path.
            const std::string path = member_path(r.path("set_responsible"), it.key());
            json* coded_list = existing.count(it.key()) || added.count(it.key()) ? nullptr : find_by_id(lists, it.key());
            if (coded_list) {  // a checklist's default codes, for its items without their own
                if (!it->is_array()) {
                    diag.add(ErrorCode::wrong_type, path, "expected an array of codes");
                    continue;
                }
                RoleSet ignored;
                ItemReader::check_codes(*it, path, diag, &ignored, key_may_be_shown(it.key()));
                json& codes_of_list = (*coded_list)["responsible"];
                release(codes_of_list);
                codes_of_list = *it;
                moved.push_back({"/checklists/" + std::to_string(static_cast<std::size_t>(coded_list - &lists[0])) + "/responsible", path});
                continue;
            }
            if ((!existing.count(it.key()) && !added.count(it.key())) || removed.count(it.key())) {
                diag.add(ErrorCode::unknown_reference, path,
                         "no item or checklist " + quoted_id(it.key(), "with this id") + " to assign codes to" +
                             (key_may_be_shown(it.key()) ? existing_ids(it.key(), ids_of(existing)) : std::string()));
                continue;
            }
            if (!it->is_array()) {
                diag.add(ErrorCode::wrong_type, path, "expected an array of codes");
                continue;
            }
            RoleSet ignored;
            ItemReader::check_codes(*it, path, diag, &ignored, key_may_be_shown(it.key()));
            for (auto& list : lists)
                for (auto& section : list["sections"])
                    if (json* item = find_by_id(section["items"], it.key())) {
                        json& codes_of_item = (*item)["responsible"];
                        release(codes_of_item);
                        codes_of_item = *it;
                    }
        }
    }
    set_due(r, def, removed, moved, diag);
    set_component(r, def, moved, diag);
    diag.throw_if_any();
    layers.push_back(level + ":" + name);
    return moved;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE

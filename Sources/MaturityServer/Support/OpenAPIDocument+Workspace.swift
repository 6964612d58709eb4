import Foundation

/// The routes that complete the assessment API (results, parts, plans, reviews, history), merged into the
/// OpenAPI document.
extension OpenAPIDocument {
    static let workspace = #"""
        {
          "paths": {
            "/api/v1/assessments": {
              "post": {
                "summary": "A new assessment of an organisation against a catalog: empty, or an audit's worksheet made from a self-assessment (from)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewAssessment"}}}},
                "responses": {
                  "201": {"description": "Created", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Assessment"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/result": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {
                "summary": "The assessment scored by the engine: json is byte for byte what 'maturity assess --format json' prints for the exported folder; html, md and text are its other reports",
                "parameters": [
                  {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "html", "md", "text"]}},
                  {"$ref": "#/components/parameters/Lang"},
                  {"name": "target", "in": "query", "schema": {"type": "string"}, "description": "The rating to aim for (default: the next one)"},
                  {"name": "path", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}, "description": "Show the improvement path in an audit's report"}
                ],
                "responses": {
                  "200": {"description": "The result", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {
                    "application/json": {"schema": {"type": "object"}}, "text/html": {"schema": {"type": "string"}},
                    "text/markdown": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/evidence": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "The evidence register", "responses": {
                "200": {"description": "The items", "content": {"application/json": {"schema": {"type": "object", "required": ["evidence"], "properties": {"evidence": {"type": "array", "items": {"$ref": "#/components/schemas/EvidenceItem"}}}}}}},
                "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/evidence/{item}": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}, {"name": "item", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "One evidence item", "responses": {
                "200": {"description": "The item", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvidenceItem"}}}},
                "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {
                "summary": "Change an evidence item, or add it (If-Match: \"0\"); checked by the engine's loader",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvidencePatch"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EvidenceItem"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              },
              "delete": {
                "summary": "Remove an evidence item no criterion or finding cites",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "Removed"}, "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}, "412": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/findings": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "The audit findings", "responses": {
                "200": {"description": "The findings", "content": {"application/json": {"schema": {"type": "object", "required": ["findings"], "properties": {"findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}}}},
                "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/findings/{finding}": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}, {"name": "finding", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "One finding", "responses": {
                "200": {"description": "The finding", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Finding"}}}},
                "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {
                "summary": "Change a finding, or add it (If-Match: \"0\"); checked by the engine's loader",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FindingPatch"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Finding"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              },
              "delete": {
                "summary": "Remove a finding",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "Removed"}, "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}, "412": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/metrics": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "Every KPI value the engine scores with: typed ones (with their versions) and those computed from the ticket export", "responses": {
                "200": {"description": "The values", "content": {"application/json": {"schema": {"type": "object", "required": ["kpis"], "properties": {"kpis": {"type": "array", "items": {"$ref": "#/components/schemas/KPIValue"}}}}}}},
                "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/metrics/{kpi}": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}, {"name": "kpi", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "One typed KPI value", "responses": {
                "200": {"description": "The value", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Metric"}}}},
                "404": {"$ref": "#/components/responses/Error"}}},
              "patch": {
                "summary": "Set a typed KPI value (If-Match: \"0\" when there is none); a KPI the ticket export computes is refused",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MetricPatch"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Metric"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              },
              "delete": {
                "summary": "Remove a typed KPI value",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "Removed"}, "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"}, "412": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/tickets": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "The KPIs of the ticket export read with its mapping, as 'maturity kpi --format json' prints them", "responses": {
                "200": {"description": "Values with their counts, and the rows left out", "content": {"application/json": {"schema": {"type": "object"}}}},
                "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/files": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "The folder's files besides assessment.yaml", "responses": {
                "200": {"description": "The files", "content": {"application/json": {"schema": {"type": "object", "required": ["files"], "properties": {"files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}}}}}}},
                "404": {"$ref": "#/components/responses/Error"}}},
              "post": {
                "summary": "Store a file in the folder (by its SHA-256) for an evidence item to cite",
                "parameters": [{"name": "path", "in": "query", "required": true, "schema": {"type": "string"}, "description": "Where in the folder, like evidence/report.pdf"}],
                "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
                "responses": {
                  "201": {"description": "Stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/File"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "409": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/file": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {"summary": "One file of the folder", "parameters": [{"name": "path", "in": "query", "required": true, "schema": {"type": "string"}}], "responses": {
                "200": {"description": "The bytes", "content": {"application/octet-stream": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
                "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/plan": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {
                "summary": "The improvement plan: json with each action's version, the plan file (yaml), or its Markdown, CSV, ICS or HTML export",
                "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "yaml", "md", "csv", "ics", "html"]}}, {"$ref": "#/components/parameters/Lang"}],
                "responses": {
                  "200": {"description": "The plan", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}, "application/yaml": {"schema": {"type": "string"}},
                    "text/markdown": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}},
                    "text/calendar": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              },
              "post": {
                "summary": "Make the plan from the assessment, or merge what it produces now into the plan (people's fields kept, nothing deleted); If-Match: the plan's ETag, \"0\" when there is none",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}, {"name": "target", "in": "query", "schema": {"type": "string"}}],
                "responses": {
                  "200": {"description": "The plan and what happened to each action", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanGenerated"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
                  "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/plan/actions/{action}": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}, {"name": "action", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "One action", "responses": {
                "200": {"description": "The action", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanAction"}}}},
                "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
              "patch": {
                "summary": "Change people's fields of an action (owner, due, status, root_cause, measures, progress, completed), checked by the plan loader",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanActionPatch"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanAction"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}, "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/results": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "post": {"summary": "Keep the assessment's result as it is now (a later review's previous result, a point of the history)", "responses": {
                "201": {"description": "Kept", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoredResult"}}}},
                "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assessments/{assessment}/review": {
              "parameters": [{"$ref": "#/components/parameters/Assessment"}],
              "get": {
                "summary": "A surveillance review against a kept result, not kept: the review JSON or its report",
                "parameters": [
                  {"name": "previous", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "plan", "in": "query", "schema": {"type": "string"}, "description": "The assessment whose plan reports progress"},
                  {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "html", "md", "text"]}},
                  {"$ref": "#/components/parameters/Lang"}
                ],
                "responses": {
                  "200": {"description": "The review", "content": {"application/json": {"schema": {"type": "object"}}, "text/html": {"schema": {"type": "string"}}, "text/markdown": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              },
              "post": {
                "summary": "Record the review: kept as a result, the previous result of the next review",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReviewInput"}}}},
                "responses": {
                  "201": {"description": "Recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoredResult"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/organisations/{organisation}/results": {
              "parameters": [{"name": "organisation", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "The organisation's kept results and reviews, oldest first", "responses": {
                "200": {"description": "The results", "content": {"application/json": {"schema": {"type": "object", "required": ["results"], "properties": {"results": {"type": "array", "items": {"$ref": "#/components/schemas/StoredResult"}}}}}}},
                "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/organisations/{organisation}/history": {
              "parameters": [{"name": "organisation", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "The organisation's kept results over time, as 'maturity history' reports a folder of them",
                "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "html", "md", "text"]}}, {"$ref": "#/components/parameters/Lang"}],
                "responses": {
                  "200": {"description": "The history", "content": {"application/json": {"schema": {"type": "object"}}, "text/html": {"schema": {"type": "string"}}, "text/markdown": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
                  "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/results/{result}": {
              "parameters": [{"name": "result", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "A kept result or review: the JSON as produced", "responses": {
                "200": {"description": "The JSON", "content": {"application/json": {"schema": {"type": "object"}}}},
                "404": {"$ref": "#/components/responses/Error"}}}
            }
          },
          "components": {
            "parameters": {
              "Assessment": {"name": "assessment", "in": "path", "required": true, "schema": {"type": "string"}},
              "Lang": {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}}
            },
            "schemas": {
              "NewAssessment": {"type": "object", "required": ["organisation_id", "kind", "date"], "properties": {
                "organisation_id": {"type": "string"}, "catalog": {"type": "string"}, "kind": {"type": "string", "enum": ["self", "audit", "surveillance", "special"]},
                "date": {"type": "string", "format": "date"}, "assessor": {"type": "string"}, "auditor": {"type": "string"}, "site": {"type": "string"}, "from": {"type": "string"}}},
              "EvidenceItem": {"type": "object", "required": ["item", "kind", "title", "position", "version"], "properties": {
                "item": {"type": "string"}, "kind": {"type": "string"}, "title": {"type": "string"}, "date": {"type": ["string", "null"]},
                "file": {"type": ["string", "null"]}, "superseded_by": {"type": ["string", "null"]}, "valid_until": {"type": ["string", "null"]},
                "position": {"type": "integer"}, "version": {"type": "integer"}}},
              "EvidencePatch": {"type": "object", "properties": {
                "kind": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
                "file": {"type": ["string", "null"]}, "superseded_by": {"type": ["string", "null"]}, "valid_until": {"type": ["string", "null"]}}},
              "Finding": {"type": "object", "required": ["finding", "grade", "text", "status", "evidence", "position", "version"], "properties": {
                "finding": {"type": "string"}, "criterion": {"type": ["string", "null"]}, "grade": {"type": "string"}, "text": {"type": "string"},
                "status": {"type": "string"}, "clause": {"type": ["string", "null"]}, "evidence": {"type": "array", "items": {"type": "string"}},
                "due": {"type": ["string", "null"]}, "position": {"type": "integer"}, "version": {"type": "integer"}}},
              "FindingPatch": {"type": "object", "properties": {
                "criterion": {"type": ["string", "null"]}, "grade": {"type": ["string", "null"]}, "text": {"type": ["string", "null"]},
                "status": {"type": ["string", "null"]}, "clause": {"type": ["string", "null"]}, "evidence": {"type": ["array", "null"], "items": {"type": "string"}},
                "due": {"type": ["string", "null"]}}},
              "Metric": {"type": "object", "required": ["kpi", "value", "position", "version"], "properties": {
                "kpi": {"type": "string"}, "value": {"type": "number"}, "position": {"type": "integer"}, "version": {"type": "integer"}}},
              "MetricPatch": {"type": "object", "required": ["value"], "properties": {"value": {"type": "number"}}},
              "KPIValue": {"type": "object", "required": ["kpi", "value", "source"], "properties": {
                "kpi": {"type": "string"}, "value": {"type": "number"}, "source": {"type": "string", "enum": ["metrics", "tickets"]}, "version": {"type": "integer"}}},
              "LocalizedText": {"type": "object", "required": ["zh", "en"], "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}},
              "PlanAction": {"type": "object", "required": ["id", "status", "version"], "properties": {
                "id": {"type": "string"}, "criterion": {"type": "string"}, "domain": {"type": "string"}, "kind": {"type": "string"},
                "from": {"type": "integer"}, "to": {"type": "integer"}, "points": {"type": "number"}, "earned": {"type": "number"},
                "what": {"$ref": "#/components/schemas/LocalizedText"}, "evidence_needed": {"type": "array", "items": {"type": "string"}},
                "kpi_target": {"type": "object", "properties": {"kpi": {"type": "string"}, "better": {"type": "string"}, "value": {"type": "number"}}},
                "owner": {"type": "string"}, "owner_role": {"$ref": "#/components/schemas/LocalizedText"}, "due": {"type": "string"},
                "priority": {"type": "string"}, "purpose": {"type": "string"}, "status": {"type": "string", "enum": ["open", "in_progress", "done", "superseded"]},
                "status_before": {"type": "string"}, "root_cause": {"type": "string"}, "measures": {"type": "string"}, "progress": {"type": "string"},
                "verification": {"$ref": "#/components/schemas/LocalizedText"}, "completed": {"type": "string"}, "version": {"type": "integer"}}},
              "PlanActionPatch": {"type": "object", "properties": {
                "owner": {"type": ["string", "null"]}, "due": {"type": ["string", "null"], "format": "date"}, "status": {"type": "string", "enum": ["open", "in_progress", "done", "superseded"]},
                "root_cause": {"type": ["string", "null"]}, "measures": {"type": ["string", "null"]}, "progress": {"type": ["string", "null"]},
                "completed": {"type": ["string", "null"], "format": "date"}}, "additionalProperties": false},
              "Plan": {"type": "object", "required": ["organisation", "date", "version", "actions"], "properties": {
                "catalog": {"type": "string"}, "organisation": {"type": "string"}, "date": {"type": "string"}, "target": {"type": "string"},
                "version": {"type": "integer"}, "actions": {"type": "array", "items": {"$ref": "#/components/schemas/PlanAction"}}}},
              "PlanGenerated": {"type": "object", "required": ["plan", "changes"], "properties": {
                "plan": {"$ref": "#/components/schemas/Plan"},
                "changes": {"type": "array", "items": {"type": "object", "required": ["id", "change"], "properties": {"id": {"type": "string"}, "change": {"type": "string"}}}}}},
              "StoredResult": {"type": "object", "required": ["id", "organisation_id", "assessment_revision", "kind", "assessment_kind", "date", "rating", "created_at"], "properties": {
                "id": {"type": "string"}, "organisation_id": {"type": "string"}, "assessment_id": {"type": "string"}, "assessment_revision": {"type": "integer"},
                "kind": {"type": "string", "enum": ["result", "review"]}, "assessment_kind": {"type": "string"}, "date": {"type": "string"},
                "rating": {"type": "string"}, "decision": {"type": "string"}, "created_at": {"type": "string"}}},
              "ReviewInput": {"type": "object", "required": ["previous"], "properties": {"previous": {"type": "string"}, "plan": {"type": "string"}}}
            }
          }
        }
        """#

    /// `base` with every path and component of `fragments` added (a fragment never replaces what `base` has).
    static func merged(_ base: String, _ fragments: [String]) -> String {
        guard var document = try? JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any] else {
            return base
        }
        for fragment in fragments {
            guard let extra = try? JSONSerialization.jsonObject(with: Data(fragment.utf8)) as? [String: Any] else {
                continue
            }
            var paths = document["paths"] as? [String: Any] ?? [:]
            for (path, value) in extra["paths"] as? [String: Any] ?? [:] where paths[path] == nil {
                paths[path] = value
            }
            document["paths"] = paths
            var components = document["components"] as? [String: Any] ?? [:]
            for (section, entries) in extra["components"] as? [String: Any] ?? [:] {
                var existing = components[section] as? [String: Any] ?? [:]
                for (name, value) in entries as? [String: Any] ?? [:] where existing[name] == nil {
                    existing[name] = value
                }
                components[section] = existing
            }
            document["components"] = components
        }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        else { return base }
        return String(decoding: data, as: UTF8.self)
    }
}

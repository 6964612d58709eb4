/// The API's OpenAPI 3.1 description. Tests check that every route the router has is described here,
/// and schemathesis checks the server's answers against it.
enum OpenAPIDocument {
    /// The document served: the base below with the fragments of later work merged in.
    static let json = merged(base, [workspace, accounts])

    static let base = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "maturity",
            "version": "1",
            "description": "The shared workspace of after-sales service maturity assessments: organisations, catalogs, assessments with their criteria, evidence and findings, results. Edits carry the version they were made from (If-Match with the ETag read); a stale edit gets 412 with the current value."
          },
          "paths": {
            "/healthz": {
              "get": {
                "summary": "The server and its database answer",
                "responses": {
                  "200": {"description": "Healthy", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
                  "503": {"description": "The database does not answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
                }
              }
            },
            "/api/v1/openapi.json": {
              "get": {"summary": "This document", "responses": {"200": {"description": "The OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
            },
            "/api/v1/organisations": {
              "get": {
                "summary": "Organisations by name, optionally searched, a page at a time",
                "parameters": [
                  {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Part of the name, any case"},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                  {"name": "after_name", "in": "query", "schema": {"type": "string"}},
                  {"name": "after_id", "in": "query", "schema": {"type": "string"}}
                ],
                "responses": {
                  "200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationPage"}}}},
                  "400": {"$ref": "#/components/responses/Error"}
                }
              },
              "post": {
                "summary": "Create an organisation",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationInput"}}}},
                "responses": {
                  "201": {"description": "Created", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/organisations/{organisation}": {
              "parameters": [{"name": "organisation", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "An organisation with its sites",
                "responses": {
                  "200": {"description": "The organisation", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              },
              "patch": {
                "summary": "Rename an organisation or set its sites",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganisationInput"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organisation"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"},
                  "428": {"$ref": "#/components/responses/Error"}
                }
              },
              "delete": {
                "summary": "Delete an organisation and everything it holds",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "Deleted"},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"},
                  "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/organisations/{organisation}/assessments": {
              "parameters": [{"name": "organisation", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "The organisation's assessments, newest first",
                "responses": {
                  "200": {"description": "The assessments", "content": {"application/json": {"schema": {"type": "object", "required": ["assessments"], "properties": {"assessments": {"type": "array", "items": {"$ref": "#/components/schemas/AssessmentSummary"}}}}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/import": {
              "post": {
                "summary": "Import a zipped assessment folder (assessment.yaml, its evidence files, tickets and mapping)",
                "parameters": [{"name": "organisation", "in": "query", "schema": {"type": "string"}, "description": "Attach to this organisation; default: the one of the assessment's organisation name, created when absent"}],
                "requestBody": {"required": true, "content": {"application/zip": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
                "responses": {
                  "201": {"description": "Imported", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Imported"}}}},
                  "404": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/import/worksheet": {
              "post": {
                "summary": "Import a filled worksheet, audit checklist or result workbook (xlsx) as 'maturity import' reads it: a new assessment, or a 422 with every problem at its cell (worksheet.xlsx!Criteria!D14) and nothing stored",
                "parameters": [
                  {"name": "organisation", "in": "query", "schema": {"type": "string"}, "description": "Attach to this organisation; default (cb-admin only): the one of the worksheet's organisation name, created when absent"},
                  {"name": "name", "in": "query", "schema": {"type": "string"}, "description": "The file name problems are located in; default worksheet.xlsx"},
                  {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}, "description": "Language of the problems; default: Accept-Language, else en"}
                ],
                "requestBody": {"required": true, "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
                "responses": {
                  "201": {"description": "Imported", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Imported"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "403": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}": {
              "parameters": [{"name": "assessment", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "An assessment with its criteria, evidence register, findings, KPI values and files",
                "responses": {
                  "200": {"description": "The assessment; its ETag is its revision", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Assessment"}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              },
              "delete": {
                "summary": "Delete an assessment",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "responses": {
                  "204": {"description": "Deleted"},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"},
                  "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/export": {
              "parameters": [{"name": "assessment", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "The assessment's folder as a zip, which imports again to the same assessment; with format=xlsx one of its workbooks, the bytes the command line writes for the exported folder",
                "parameters": [
                  {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["zip", "xlsx"], "default": "zip"}},
                  {"name": "sheet", "in": "query", "schema": {"type": "string", "enum": ["worksheet", "checklist", "plan", "result"]}, "description": "With format=xlsx: worksheet (a self-assessment, as 'maturity init --format xlsx'), checklist (an audit, as 'init --kind audit --format xlsx'), plan ('plan --format xlsx') or result ('assess --format xlsx')"},
                  {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}, "description": "Language of the workbook; default: Accept-Language, else en"}
                ],
                "responses": {
                  "200": {"description": "The zip, or the workbook", "content": {"application/zip": {"schema": {"type": "string", "contentEncoding": "binary"}}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "contentEncoding": "binary"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/assessments/{assessment}/criteria/{criterion}": {
              "parameters": [
                {"name": "assessment", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "criterion", "in": "path", "required": true, "schema": {"type": "string"}}
              ],
              "get": {
                "summary": "What the assessment says about one criterion (version 0: nothing yet)",
                "responses": {
                  "200": {"description": "The criterion's entry", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Criterion"}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              },
              "patch": {
                "summary": "Change a criterion's claimed or audited level (points catalogs: earned points or sample), cited evidence, note or not-applicable reason",
                "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CriterionPatch"}}}},
                "responses": {
                  "200": {"description": "Changed", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Criterion"}}}},
                  "400": {"$ref": "#/components/responses/Error"},
                  "404": {"$ref": "#/components/responses/Error"},
                  "412": {"$ref": "#/components/responses/Error"},
                  "413": {"$ref": "#/components/responses/Error"},
                  "422": {"$ref": "#/components/responses/Error"},
                  "428": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/api/v1/catalogs": {
              "get": {
                "summary": "Every catalog assessments can be made against",
                "responses": {"200": {"description": "The catalogs", "content": {"application/json": {"schema": {"type": "object", "required": ["catalogs"], "properties": {"catalogs": {"type": "array", "items": {"$ref": "#/components/schemas/Catalog"}}}}}}}}
              }
            },
            "/api/v1/catalogs/{catalog}": {
              "parameters": [{"name": "catalog", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "One catalog and its files",
                "responses": {
                  "200": {"description": "The catalog", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Catalog"}}}},
                  "404": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/certificates/{number}": {
              "parameters": [
                {"name": "number", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["html", "json"]}},
                {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}}
              ],
              "get": {
                "summary": "Public verification of a certificate: validity, holder, scope, rating, dates (no login; rate-limited per client)",
                "responses": {
                  "200": {"description": "The certificate's public face", "content": {"application/json": {"schema": {"type": "object", "required": ["number", "organisation", "state", "valid", "issued", "expires"]}}, "text/html": {}}},
                  "404": {"$ref": "#/components/responses/ErrorOrPage"},
                  "429": {"$ref": "#/components/responses/ErrorOrPage"},
                  "503": {"$ref": "#/components/responses/ErrorOrPage"}
                }
              }
            },
            "/register/keys": {
              "get": {
                "summary": "The body's published signing keys (format maturity-keys-1), to check signatures with maturity verify --keys",
                "responses": {"200": {"description": "The key list", "content": {"application/json": {"schema": {"type": "object", "required": ["format", "keys"]}}}}}
              }
            },
            "/register/due": {
              "get": {
                "summary": "The due board page: surveillances, recertifications, suspension limits, major NC deadlines due or late",
                "parameters": [
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "within", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 3650}},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000}},
                  {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}}
                ],
                "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "400": {"$ref": "#/components/responses/Error"}}
              }
            },
            "/api/v1/register/due": {
              "get": {
                "summary": "The due board as JSON",
                "parameters": [
                  {"name": "as_of", "in": "query", "schema": {"type": "string", "format": "date"}},
                  {"name": "within", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 3650}},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000}}
                ],
                "responses": {"200": {"description": "The board", "content": {"application/json": {"schema": {"type": "object", "required": ["as_of", "items", "certificates", "truncated"]}}}}, "400": {"$ref": "#/components/responses/Error"}}
              }
            },
            "/register/certificates/{number}/document": {
              "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "The certificate document: one bilingual A4 page to print",
                "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}, "404": {"$ref": "#/components/responses/Error"}}
              }
            }
          },
          "components": {
            "parameters": {
              "IfMatch": {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}, "description": "The ETag of the version the edit was made from"}
            },
            "responses": {
              "Error": {"description": "Refused, with the reason", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "ErrorOrPage": {"description": "Refused, with the reason: a page for a person, the error JSON with format=json", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}, "text/html": {}}}
            },
            "schemas": {
              "Health": {"type": "object", "required": ["status", "database"], "properties": {"status": {"type": "string"}, "database": {"type": "string", "enum": ["sqlite", "postgres"]}}},
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {
                  "status": {"type": "integer"}, "message": {"type": "string"},
                  "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}},
                  "current": {}
                }}}
              },
              "Problem": {"type": "object", "required": ["message", "severity"], "properties": {"location": {"type": "string"}, "message": {"type": "string"}, "hint": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning"]}}},
              "OrganisationInput": {"type": "object", "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 500}, "sites": {"type": "array", "items": {"type": "string", "maxLength": 500}, "maxItems": 1000}}},
              "Site": {"type": "object", "required": ["id", "name", "version"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "integer"}}},
              "Organisation": {"type": "object", "required": ["id", "name", "sites", "created_at", "updated_at", "version"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "sites": {"type": "array", "items": {"$ref": "#/components/schemas/Site"}}, "created_at": {"type": "string"}, "updated_at": {"type": "string"}, "version": {"type": "integer"}}},
              "OrganisationSummary": {"type": "object", "required": ["id", "name", "assessments", "version"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "assessments": {"type": "integer"}, "version": {"type": "integer"}}},
              "OrganisationPage": {"type": "object", "required": ["organisations"], "properties": {"organisations": {"type": "array", "items": {"$ref": "#/components/schemas/OrganisationSummary"}}, "next": {"type": "object", "properties": {"after_name": {"type": "string"}, "after_id": {"type": "string"}}}}},
              "File": {"type": "object", "required": ["path", "sha256", "size"], "properties": {"path": {"type": "string"}, "sha256": {"type": "string"}, "size": {"type": "integer"}}},
              "Catalog": {"type": "object", "required": ["id", "catalog_id", "catalog_version", "title", "origin", "created_at", "files"], "properties": {"id": {"type": "string"}, "catalog_id": {"type": "string"}, "catalog_version": {"type": "string"}, "title": {"type": "string"}, "origin": {"type": "string", "enum": ["shipped", "uploaded"]}, "created_at": {"type": "string"}, "files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}}}},
              "AssessmentSummary": {"type": "object", "required": ["id", "organisation_id", "kind", "date", "catalog_reference", "revision"], "properties": {"id": {"type": "string"}, "organisation_id": {"type": "string"}, "kind": {"type": "string"}, "date": {"type": "string"}, "catalog_reference": {"type": "string"}, "revision": {"type": "integer"}}},
              "Imported": {"type": "object", "required": ["id", "organisation_id", "revision", "warnings"], "properties": {"id": {"type": "string"}, "organisation_id": {"type": "string"}, "revision": {"type": "integer"}, "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}},
              "Criterion": {"type": "object", "required": ["criterion", "evidence", "position", "version"], "properties": {"criterion": {"type": "string"}, "claimed": {"type": ["integer", "null"]}, "audited": {"type": ["integer", "null"]}, "evidence": {"type": "array", "items": {"type": "string"}}, "note": {"type": ["string", "null"]}, "na": {"type": ["string", "null"]}, "earned": {"type": ["number", "null"]}, "audited_earned": {"type": ["number", "null"]}, "sample": {"$ref": "#/components/schemas/Sample"}, "audited_sample": {"$ref": "#/components/schemas/Sample"}, "position": {"type": "integer"}, "version": {"type": "integer"}}},
              "Sample": {"type": "object", "description": "A points clause checked by sample: how many items were checked, how many conformed", "required": ["size", "conforming"], "properties": {"size": {"type": "integer"}, "conforming": {"type": "integer"}}},
              "Adjustment": {"type": "object", "description": "A deduction or a bonus of a points assessment", "required": ["adjustment", "kind", "text", "position", "version"], "properties": {"adjustment": {"type": "string"}, "kind": {"type": "string", "enum": ["deduction", "bonus"]}, "text": {"type": "string"}, "criterion": {"type": "string"}, "note": {"type": "string"}, "position": {"type": "integer"}, "version": {"type": "integer"}}},
              "CriterionPatch": {"type": "object", "properties": {"claimed": {"type": ["integer", "null"]}, "audited": {"type": ["integer", "null"]}, "evidence": {"type": ["array", "null"], "items": {"type": "string"}}, "note": {"type": ["string", "null"]}, "na": {"type": ["string", "null"]}, "earned": {"type": ["number", "null"]}, "audited_earned": {"type": ["number", "null"]}, "sample": {"oneOf": [{"$ref": "#/components/schemas/Sample"}, {"type": "null"}]}, "audited_sample": {"oneOf": [{"$ref": "#/components/schemas/Sample"}, {"type": "null"}]}}},
              "Assessment": {"type": "object", "required": ["assessment", "criteria", "evidence", "findings", "metrics", "adjustments", "files"], "properties": {"assessment": {"type": "object"}, "criteria": {"type": "array", "items": {"$ref": "#/components/schemas/Criterion"}}, "evidence": {"type": "array"}, "findings": {"type": "array"}, "metrics": {"type": "array"}, "adjustments": {"type": "array", "items": {"$ref": "#/components/schemas/Adjustment"}}, "files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}}}}
            }
          }
        }
        """#
}

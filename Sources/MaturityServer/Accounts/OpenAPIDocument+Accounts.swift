extension OpenAPIDocument {
    /// How API clients authenticate once accounts exist (before, the server answers on loopback without).
    static let accounts = #"""
        {
          "components": {
            "securitySchemes": {
              "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "Once user accounts exist: an API token made with 'maturity users token NAME', sent as Authorization: Bearer TOKEN. Without one the API answers 401; what another organisation holds answers 404. A browser session's cookie works too, with its CSRF token in X-CSRF-Token for changes."
              }
            }
          }
        }
        """#
}

import MaturityCore
import MaturityStore
import Testing

@testable import MaturityServer

/// A request still running when the server stops and its store closes is answered 503 with the reason in the
/// request's language, not a bare 500.
@Suite struct StoreClosedTests {
    @Test func aClosedStoreIsAnsweredServiceUnavailableInTheRequestsLanguage() {
        let english = APIError.from(.closed, language: .en)
        #expect(english.status == .serviceUnavailable)
        #expect(english.message == "the store is closed: the server is shutting down; try again in a moment")
        let chinese = APIError.from(.closed, language: .zh)
        #expect(chinese.status == .serviceUnavailable)
        #expect(chinese.message == "数据存储已关闭：服务器正在停止；请稍后重试")
    }
}

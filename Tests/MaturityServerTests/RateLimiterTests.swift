import Testing

@testable import MaturityServer

/// The public verification's token bucket, on a clock the test sets.
@Suite struct RateLimiterTests {
    @Test func aBurstUpToTheLimitThenOneRequestPerRefill() async {
        let limiter = RateLimiter(perMinute: 3)
        for _ in 0..<3 { #expect(await limiter.admit("a", now: 100) == nil) }
        let wait = await limiter.admit("a", now: 100)
        #expect(wait == 20)
        // Another client has its own bucket.
        #expect(await limiter.admit("b", now: 100) == nil)
        // 19 s later the token is not whole yet; at 20 s it is, once.
        #expect(await limiter.admit("a", now: 119) != nil)
        #expect(await limiter.admit("a", now: 120) == nil)
        #expect(await limiter.admit("a", now: 120) != nil)
    }

    @Test func aQuietClientGetsItsWholeBurstBackAndNoMore() async {
        let limiter = RateLimiter(perMinute: 2)
        #expect(await limiter.admit("a", now: 0) == nil)
        #expect(await limiter.admit("a", now: 0) == nil)
        // An hour later: two again, not sixty.
        #expect(await limiter.admit("a", now: 3600) == nil)
        #expect(await limiter.admit("a", now: 3600) == nil)
        #expect(await limiter.admit("a", now: 3600) != nil)
    }
}

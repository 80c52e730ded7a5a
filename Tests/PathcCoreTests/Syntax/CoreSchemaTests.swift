import XCTest
@testable import PathcCore

final class CoreSchemaTests: XCTestCase {
    func testNullsAndBooleans() {
        for text in ["", "~", "null", "Null", "NULL"] { XCTAssertEqual(CoreSchema.resolve(text), .null, text) }
        for text in ["true", "True", "TRUE"] { XCTAssertEqual(CoreSchema.resolve(text), .bool(true), text) }
        for text in ["false", "False", "FALSE"] { XCTAssertEqual(CoreSchema.resolve(text), .bool(false), text) }
        // YAML 1.1 spellings are text in 1.2.
        for text in ["yes", "no", "on", "off", "NO", "tRue", "nULL"] { XCTAssertEqual(CoreSchema.resolve(text), .string(text), text) }
    }

    func testIntegers() {
        XCTAssertEqual(CoreSchema.resolve("0"), .int(0))
        XCTAssertEqual(CoreSchema.resolve("-17"), .int(-17))
        XCTAssertEqual(CoreSchema.resolve("+17"), .int(17))
        XCTAssertEqual(CoreSchema.resolve("007"), .int(7))
        XCTAssertEqual(CoreSchema.resolve("0o17"), .int(15))
        XCTAssertEqual(CoreSchema.resolve("0x1f"), .int(31))
        XCTAssertEqual(CoreSchema.resolve("0xFF"), .int(255))
        XCTAssertEqual(CoreSchema.resolve("99999999999999999999"), .float(1e20))
        for text in ["0o8", "0x", "-0x1", "1_000", "1,000", "0b101", "+", "-"] {
            XCTAssertEqual(CoreSchema.resolve(text), .string(text), text)
        }
    }

    func testFloats() {
        XCTAssertEqual(CoreSchema.resolve("1.5"), .float(1.5))
        XCTAssertEqual(CoreSchema.resolve(".5"), .float(0.5))
        XCTAssertEqual(CoreSchema.resolve("-.5"), .float(-0.5))
        XCTAssertEqual(CoreSchema.resolve("5."), .float(5))
        XCTAssertEqual(CoreSchema.resolve("1e3"), .float(1000))
        XCTAssertEqual(CoreSchema.resolve("1.5E-2"), .float(0.015))
        XCTAssertEqual(CoreSchema.resolve(".inf"), .float(.infinity))
        XCTAssertEqual(CoreSchema.resolve("-.Inf"), .float(-.infinity))
        guard case .float(let nan) = CoreSchema.resolve(".NaN") else { return XCTFail("not a float") }
        XCTAssertTrue(nan.isNaN)
        for text in ["1e", ".", "1.2.3", "e3", "-.nan", "inf", "nan", "1e3.5", "3%", "2026-07-15", "1 2"] {
            XCTAssertEqual(CoreSchema.resolve(text), .string(text), text)
        }
    }
}

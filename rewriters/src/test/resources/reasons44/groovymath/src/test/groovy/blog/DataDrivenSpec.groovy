package blog

import spock.lang.Specification

/** Spock's data-driven example: it tests the JDK, not the application. */
class DataDrivenSpec extends Specification {
    def "maximum of two numbers"() {
        expect:
        Math.max(a, b) == c

        where:
        a | b || c
        1 | 3 || 3
        7 | 4 || 7
    }
}

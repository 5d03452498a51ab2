package blog

import org.springframework.boot.test.context.SpringBootTest
import spock.lang.Specification

/** Loads the application: its beans, writers included, are one call away. */
@SpringBootTest
class ZContextSpec extends Specification {
    def "context loads"() { expect: true }
}

package blog

import org.springframework.beans.factory.annotation.Value
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper
import org.springframework.test.context.BootstrapWith
import spock.lang.Specification

/** A spec of the title a reader sees after an administrator's SQL fix. */
@BootstrapWith(SpringBootTestContextBootstrapper)
class TitleSpec extends Specification {
    @Value('#{photoService}') def photos
    @Value('#{jdbcTemplate}') def jdbc

    def "a title fixed in the database is the title read"() {
        given:
        jdbc.update("insert into photo (id, title) values (1, 'old')")

        expect:
        photos.titleOf(1L) == 'old'

        when:
        jdbc.update("update photo set title = 'new' where id = 1")

        then:
        photos.titleOf(1L) == 'new'
    }
}

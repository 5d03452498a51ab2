package blog

import spock.lang.Specification

/** A spec that renames a photo through the service: code optkit does not read. */
class DataDrivenSpec extends Specification {
    def "rename"() {
        given:
        def service = new PhotoService(Mock(PhotoRepository))

        expect:
        service != null
    }
}

package shop

class PersonSpec {
    def "nothing"() { expect: true }
}

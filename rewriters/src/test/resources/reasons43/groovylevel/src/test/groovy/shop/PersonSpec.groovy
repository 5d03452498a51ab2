package shop

class PersonSpec {
    def "a service"() { expect: new PersonService(null) != null }
}

package r;
@org.springframework.boot.autoconfigure.SpringBootApplication public class App {}

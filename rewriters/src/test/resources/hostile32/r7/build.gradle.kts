plugins { java; id("org.springframework.boot") version "3.3.0"; id("io.spring.dependency-management") version "1.1.5" }
repositories { mavenCentral() }
dependencies {
    implementation(libs.boot.jpa)
    implementation(libs.boot.web)
    implementation(libs.boot.rest)
    runtimeOnly("com.h2database:h2")
}

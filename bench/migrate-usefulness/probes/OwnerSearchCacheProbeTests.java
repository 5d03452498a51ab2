package org.springframework.samples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * optkit's probe for spring-petclinic after `optkit migrate --apply` cached
 * OwnerRepository.findByLastNameStartingWith: every write goes through the application (its form
 * handlers), every read through the application (the owner search page), and each read must show the
 * write before it. One write goes behind the application's back (JDBC) to show the cache is really
 * in front of the repository. Copy into src/test/java/org/springframework/samples/petclinic/ of the
 * migrated project and run `mvn test -Dtest=OwnerSearchCacheProbeTests`.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OwnerSearchCacheProbeTests {

	@LocalServerPort
	int port;

	@Autowired
	RestTemplateBuilder builder;

	@Autowired
	JdbcTemplate jdbc;

	private RestTemplate web() {
		return builder.rootUri("http://localhost:" + port).build();
	}

	private String search(String lastName) {
		return web().getForObject("/owners?lastName=" + lastName, String.class);
	}

	private void post(String path, String first, String last) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("firstName", first);
		form.add("lastName", last);
		form.add("address", "1 Probe Road");
		form.add("city", "Probeville");
		form.add("telephone", "0123456789");
		web().postForLocation(path, form);
	}

	private Integer idOf(String lastName) {
		return jdbc.queryForObject("SELECT id FROM owners WHERE last_name = ?", Integer.class, lastName);
	}

	@Test
	void everyReadThroughTheApplicationShowsTheWriteThroughTheApplicationBeforeIt() {
		assertThat(search("Zzyz")).contains("has not been found");

		post("/owners/new", "Ann", "Zzyzx");
		assertThat(search("Zzyz")).contains("Zzyzx"); // one match: the owner's own page

		post("/owners/new", "Bob", "Zzyzy");
		String both = search("Zzyz");
		assertThat(both).contains("Zzyzx").contains("Zzyzy");

		// behind the application's back: the cached list stands (the cache is in front of the repository)
		jdbc.update("UPDATE owners SET first_name = 'Behind' WHERE last_name = 'Zzyzy'");
		assertThat(search("Zzyz")).doesNotContain("Behind");

		// through the application: the edit evicts, the next search sees it (and the JDBC change with it)
		post("/owners/" + idOf("Zzyzx") + "/edit", "Ann", "Qqqx");
		String after = search("Zzyz");
		assertThat(after).doesNotContain("Qqqx").doesNotContain("Zzyzx").contains("Zzyzy").contains("Behind");
		assertThat(search("Qqq")).contains("Qqqx");

		// a pet added through the application evicts too: the owners list shows pets
		MultiValueMap<String, String> pet = new LinkedMultiValueMap<>();
		pet.add("name", "Probedog");
		pet.add("birthDate", "2020-01-01");
		pet.add("type", "dog");
		search("Qqq");
		web().postForLocation("/owners/" + idOf("Qqqx") + "/pets/new", pet);
		post("/owners/new", "Cy", "Qqqy"); // two matches: the list page, which names each owner's pets
		assertThat(search("Qqq")).contains("Probedog");
	}

}

package org.citycase.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps the answers of our controllers JSON. With jackson-dataformat-xml on the classpath (Open311 needs
 * it) Spring MVC would also write XML, and a browser, whose Accept header ranks
 * {@code application/xml;q=0.9} above {@code *}{@code /*;q=0.8}, would get XML from {@code /api}.
 * Converter order cannot fix that, since negotiation goes by quality first, so the XML converter is taken
 * out; Open311 writes its XML itself. Camunda's {@code /engine-rest} does not use these converters.
 */
@Configuration
public class JsonAnswersConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof MappingJackson2XmlHttpMessageConverter);
    }
}

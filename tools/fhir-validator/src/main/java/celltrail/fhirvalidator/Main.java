package celltrail.fhirvalidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 resources (celltrail's exported bundles) against the base R4 specification with HAPI
 * FHIR's instance validator, offline: the structure definitions and value sets come from the validation
 * resources jar, terminology is checked in memory, and a code system that needs a terminology server
 * (SNOMED CT, LOINC, CPT, ICD-10-CM) is a warning, not an error, because no server is reachable here.
 *
 * <pre>java -jar fhir-validator.jar FILE...</pre>
 *
 * Prints one JSON report on stdout: per file, counts by severity and every issue (severity, location,
 * line, message id, message). Exits 0 when no file has an error or fatal issue, 1 when one has, 2 on
 * bad usage or an unreadable file.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // HAPI logs its start-up at INFO; stderr is for what went wrong.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length == 0) {
      System.err.println("usage: java -jar fhir-validator.jar FILE...");
      System.exit(2);
    }
    FhirContext context = FhirContext.forR4();
    FhirValidator validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(offlineSupport(context)));

    StringBuilder report = new StringBuilder();
    report.append("{\"validator\":\"HAPI FHIR ").append(ca.uhn.fhir.util.VersionUtil.getVersion()).append("\",\"fhirVersion\":\"4.0.1\",\"files\":[");
    boolean anyError = false;
    for (int i = 0; i < args.length; i++) {
      String text;
      try {
        text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
      } catch (IOException e) {
        System.err.println("cannot read " + args[i] + ": " + e.getMessage());
        System.exit(2);
        return;
      }
      ValidationResult result = validator.validateWithResult(text);
      int errors = 0;
      int warnings = 0;
      int information = 0;
      StringBuilder issues = new StringBuilder();
      for (SingleValidationMessage message : result.getMessages()) {
        switch (message.getSeverity()) {
          case FATAL, ERROR -> errors++;
          case WARNING -> warnings++;
          default -> information++;
        }
        if (issues.length() > 0) issues.append(',');
        issues
            .append("{\"severity\":")
            .append(quote(message.getSeverity().name().toLowerCase(Locale.ROOT)))
            .append(",\"location\":")
            .append(quote(message.getLocationString()))
            .append(",\"line\":")
            .append(message.getLocationLine() == null ? "null" : message.getLocationLine().toString())
            .append(",\"messageId\":")
            .append(quote(message.getMessageId()))
            .append(",\"message\":")
            .append(quote(message.getMessage()))
            .append('}');
      }
      anyError |= errors > 0;
      if (i > 0) report.append(',');
      report
          .append("{\"file\":")
          .append(quote(args[i]))
          .append(",\"errors\":")
          .append(errors)
          .append(",\"warnings\":")
          .append(warnings)
          .append(",\"information\":")
          .append(information)
          .append(",\"issues\":[")
          .append(issues)
          .append("]}");
    }
    report.append("]}");
    System.out.println(report);
    System.exit(anyError ? 1 : 0);
  }

  /** Everything the validator may consult, none of it over the network. */
  private static IValidationSupport offlineSupport(FhirContext context) {
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    return new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context),
        unknownCodeSystems);
  }

  private static String quote(String value) {
    if (value == null) return "null";
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}

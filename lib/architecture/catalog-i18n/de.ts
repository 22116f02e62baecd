// The architecture catalog (../catalog.ts) in German, with the terms of messages/de.json.
import type { CatalogTranslation } from "./types";

export const de = {
  rttNote:
    "Gerundete typische Medianwerte zwischen repräsentativen Städten jeder Region, keine Messungen eines bestimmten Netzes; ein Round " +
    "Trip pro Anfrage bei bereits offenen Verbindungen. Eine neue TLS-Verbindung kostet ein bis zwei weitere Round Trips.",
  architectures: [
    {
      id: "central_factory",
      name: "Zentrale KI-Fabrik",
      tagline: "Ein großer GPU-Cluster in einer einzigen Cloud-Region, ausgelegt auf Durchsatz.",
      description:
        "Die gesamte Inferenz läuft auf einem großen gemeinsamen GPU-Pool in einer einzigen Cloud-Region, meist der mit der größten " +
        "Kapazität und den neuesten Beschleunigern. Wer alle Workloads auf einem Cluster bündelt, lastet die GPUs aus, macht die " +
        "größten Modelle praktikabel und erreicht die niedrigsten Kosten pro Token. Der Preis ist die Entfernung: Jeder Nutzer " +
        "außerhalb dieser Region zahlt bei jeder Anfrage einen langen Netzwerk-Round-Trip.",
      fitsWhen: [
        "Batch- und Offline-Arbeit wie Dokumentenverarbeitung, Analysen und Evaluierungen, bei denen Durchsatz mehr zählt als Antwortzeit",
        "Die Nutzer sind überwiegend in oder nahe einer Region, oder das Latenzbudget beträgt 500 ms oder mehr",
        "Sie brauchen Frontier-Modelle, die Multi-GPU-Server mit Hunderten Gigabyte Beschleunigerspeicher erfordern",
        "Der Datenverkehr kommt schubweise, und ein großer gemeinsamer Pool fängt Spitzen ab, ohne viele Standorte zu überdimensionieren",
        "Ein kleines Plattformteam soll ein einziges Deployment betreiben statt vieler",
      ],
      avoidWhen: [
        "Die Nutzer sind über Kontinente verteilt und brauchen eine erste Antwort innerhalb von etwa 250 ms",
        "Vorgaben zur Datenresidenz verbieten, Daten aus dem Land oder der Region zu bringen, in der sie erhoben werden",
        "Ein Ausfall dieser einen Region würde einen geschäftskritischen Dienst stoppen, und es gibt keine Failover-Region",
      ],
      latency:
        "Nutzer in derselben Region haben etwa 20–40 ms Netzwerk-Round-Trip; Nutzer auf anderen Kontinenten kommen pro Anfrage auf " +
        "100–300 ms mehr, bevor das Modell zu arbeiten beginnt. Die Zeit bis zum ersten Token hängt dann von Modellgröße und Warteschlange ab.",
      cost:
        "Im großen Maßstab die niedrigsten Kosten pro Token: hohe GPU-Auslastung, Rabatte für reservierte oder zugesagte Nutzung und " +
        "nur eine Kopie jedes Modells. Gebühren für Datenübertragung zwischen Regionen steigen mit dem Anteil weit entfernter Nutzer.",
      operations: [
        "Ein GPU-Cluster mit Serving-Stack (vLLM, TensorRT-LLM oder ein verwalteter Endpunkt) und Autoscaling",
        "Kapazitätsplanung und Reservierungen knapper Beschleuniger in einer Region",
        "Ein Failover-Plan: eine Warm-Standby-Region oder ein dokumentierter Notbetrieb",
        "Globaler Eingang (CDN oder globaler Load Balancer), der TLS nahe bei den Nutzern terminiert",
      ],
    },
    {
      id: "regional_cloud",
      name: "Regionale Cloud-Inferenz",
      tagline: "GPU-Endpunkte in mehreren Cloud-Regionen, jeweils nahe bei einer Gruppe von Nutzern.",
      description:
        "Dieselben Modelle laufen als Inferenz-Endpunkte in mehreren Cloud-Regionen, und ein globaler Load Balancer leitet jeden " +
        "Nutzer zum nächstgelegenen funktionsfähigen Endpunkt. Die Nutzer erreichen so Round Trips von etwa 20–40 ms innerhalb ihrer " +
        "Region, während der Cloud-Anbieter weiterhin die Hardware betreibt. Das kostet mehr als ein einziger zentraler Pool, weil die " +
        "Kapazität auf Regionen verteilt ist und jede Region eigene Reserven braucht.",
      fitsWhen: [
        "Die Nutzer sitzen in wenigen Regionen (zum Beispiel Nordamerika, Europa und Ostasien) und erwarten interaktive Antworten",
        "Das Latenzbudget liegt bei etwa 250 ms bis 1 s, und Sie nutzen mittelgroße oder Frontier-Modelle",
        "Daten sollen in der Region verarbeitet werden, in der sie erhoben wurden, ohne dass Sie eigene Hardware brauchen",
        "Sie wollen regionales Failover: Eine Region übernimmt bei einem Ausfall den Datenverkehr einer anderen",
      ],
      avoidWhen: [
        "Budgets unter etwa 100 ms, bei denen ein Round Trip innerhalb der Region plus Warteschlange dem Modell zu wenig Zeit lässt",
        "Der Datenverkehr ist so gering, dass die Aufteilung auf Regionen die meisten GPUs leerlaufen lässt",
        "Die benötigten GPU-Typen oder Modelle werden in den Regionen Ihrer Nutzer nicht angeboten",
      ],
      latency:
        "Typischerweise 20–40 ms Netzwerk-Round-Trip für Nutzer in einer bedienten Region. Nutzer in einer Region ohne Endpunkt " +
        "weichen auf den nächstgelegenen aus und zahlen einen Round Trip zwischen Regionen.",
      cost:
        "Mittel: mehr ungenutzte Reserve als ein zentraler Pool, weil jede Region ihre eigenen Spitzen abdeckt, dazu der Aufwand, " +
        "Modelle, Indizes und Konfiguration über alle Regionen synchron zu halten.",
      operations: [
        "Dasselbe Deployment in mehreren Regionen, mit automatisierten, versionierten Rollouts von Modellen und Prompts",
        "Globale Verkehrssteuerung (latenzbasiertes DNS oder Anycast-Load-Balancer) mit Health Checks und Failover",
        "GPU-Kontingente und Kapazitätsreservierungen pro Region",
        "Replikation von Retrieval-Indizes, Caches und Feature-Daten in jede bediente Region",
      ],
    },
    {
      id: "distributed_edge",
      name: "Verteilte Edge-Inferenz",
      tagline: "Kleine, quantisierte Modelle an vielen Edge-Standorten nahe bei den Nutzern.",
      description:
        "Kleine Modelle, meist unter 10 Milliarden Parametern und auf 8 oder 4 Bit quantisiert, laufen auf bescheidenen GPUs oder " +
        "Beschleunigern an vielen Edge-Standorten: CDN-Knoten, Standorte von Telekommunikationsanbietern, Filialen oder Werke. Die " +
        "Nutzer erreichen einen Standort in etwa 5–15 ms, sodass fast das ganze Latenzbudget dem Modell bleibt. Jeder Standort ist " +
        "klein, kann also keine großen Modelle beherbergen und hat wenig freie Kapazität für plötzliche Lastschübe.",
      fitsWhen: [
        "Budgets unter etwa 250 ms für Nutzer, die über viele Städte oder Länder verteilt sind",
        "Ein kleines domänenspezifisches Modell (Klassifikation, Extraktion, Routing, kurze Antworten) reicht für die Aufgabe",
        "Daten sollen nahe ihrem Entstehungsort gefiltert oder geschwärzt werden, etwa in Filialen, Werken oder Fahrzeugen",
        "Der Dienst muss auch bei einem Ausfall des Backhauls oder der Cloud-Region weiterlaufen",
      ],
      avoidWhen: [
        "Die Aufgabe braucht das Schlussfolgern oder Wissen eines Frontier- oder mittelgroßen Modells",
        "Der Datenverkehr pro Standort kommt schubweise oder ist unvorhersehbar, sodass kleine Standorte Anfragen stauen oder verwerfen würden",
        "Ihnen fehlen die Werkzeuge, um Modelle an Hunderten Standorten zu aktualisieren und zu überwachen",
      ],
      latency:
        "Etwa 5–15 ms Netzwerk-Round-Trip zum nächstgelegenen Standort. Das erste Token eines kleinen Modells folgt meist nach etwa " +
        "50–100 ms, wenn der Standort nicht überlastet ist; an stark ausgelasteten Standorten dominiert die Warteschlange.",
      cost:
        "Höhere Kosten pro Token als ein zentraler Pool: viele kleine, teils ungenutzte GPUs plus Standortkosten. Ausgeglichen durch " +
        "weniger Bandbreite und Egress und dadurch, dass dort keine großen Modelle bezahlt werden, wo kleine genügen.",
      operations: [
        "Eine Flotte kleiner GPU- oder NPU-Knoten oder ein Edge-Inferenzdienst eines CDN- oder Telekommunikationsanbieters",
        "Verteilung der Modelle aus der Ferne, Versions-Pinning und Rollback an allen Standorten",
        "Zustandsüberwachung pro Standort und Überlauf-Routing zu einem regionalen Standort, wenn ein Standort ausgelastet ist",
        "Physische Sicherheit und Patches für Hardware außerhalb Ihrer Rechenzentren",
      ],
    },
    {
      id: "hybrid_split",
      name: "Hybride Aufteilung (Edge + zentral)",
      tagline: "Die Edge routet, cacht, setzt Guardrails durch und betreibt ein kleines Modell; schwierige Anfragen werden eskaliert.",
      description:
        "Jede Anfrage erreicht zuerst einen Edge-Standort, der Guardrails anwendet, einen semantischen Cache prüft und ein kleines " +
        "domänenspezifisches Modell versucht. Ein Router schickt die Anfragen, die das kleine Modell nicht gut beantwortet, je nach " +
        "Aufgabe oft 15–50 %, an ein Frontier-Modell in einer regionalen oder zentralen Cloud. Die meisten Nutzer erhalten Antworten " +
        "in Edge-Geschwindigkeit, und schwierige Fälle bekommen trotzdem Frontier-Qualität, um den Preis von zwei Ebenen und einem Router.",
      fitsWhen: [
        "Der Datenverkehr mischt viele einfache Anfragen mit einer Minderheit, die Schlussfolgern auf Frontier-Niveau braucht",
        "Interaktive Budgets von etwa 100–500 ms für die meisten Anfragen, mit Toleranz für langsamere Antworten bei schwierigen",
        "Guardrails, das Schwärzen personenbezogener Daten oder Caching sollen greifen, bevor die Daten die Region des Nutzers verlassen",
        "Sie wollen die Ausgaben für Frontier-Modelle senken, ohne bei schwierigen Fällen auf Frontier-Qualität zu verzichten",
      ],
      avoidWhen: [
        "Fast jede Anfrage braucht das Frontier-Modell, sodass die Edge-Ebene einen zusätzlichen Hop bringt, ohne etwas einzusparen",
        "Das Team kann noch nicht zugleich Edge-Standorte und ein zentrales Deployment betreiben",
        "Antworten müssen bei jeder Anfrage gleich aussehen, und Unterschiede zwischen kleinem und großem Modell würden auffallen",
      ],
      latency:
        "An der Edge beantwortete Anfragen haben etwa 5–15 ms Netzwerk-Round-Trip plus das erste Token eines kleinen Modells. " +
        "Eskalierte Anfragen kommen auf den Round Trip zum regionalen oder zentralen Standort und die Zeit bis zum ersten Token des Frontier-Modells.",
      cost:
        "Meist niedriger, als alles an ein Frontier-Modell zu schicken, weil die Edge die einfache Mehrheit beantwortet und der Cache " +
        "Wiederholungen abfängt. Sie zahlen für zwei Ebenen, den Router und die Evaluierung, die ihn verlässlich kalibriert hält.",
      operations: [
        "Edge-Standorte mit dem kleinen Modell, einem semantischen Cache und Guardrails",
        "Ein Router mit Eskalationsregeln und Offline-Evaluierung, die seine Schwellenwerte verlässlich kalibriert hält",
        "Ein regionaler oder zentraler Frontier-Endpunkt, dimensioniert für den eskalierten Anteil des Datenverkehrs",
        "Ende-zu-Ende-Tracing über beide Ebenen, um zu sehen, wohin Zeit und Geld gehen",
      ],
    },
    {
      id: "sovereign_onprem",
      name: "On-Premises- / souveräne Inferenz",
      tagline: "Inferenz auf Hardware unter Ihrer Kontrolle, in der Rechtsordnung, in der Ihre Daten bleiben müssen.",
      description:
        "Die Modelle laufen in Ihrem eigenen Rechenzentrum, in einer Colocation oder in einer souveränen Cloud unter lokaler " +
        "Rechtsordnung, sodass Prompts, abgerufene Dokumente und Ausgaben die Region, in der sie reguliert sind, nie verlassen. Sie " +
        "wählen Open-Weight-Modelle, die Sie selbst hosten können, von klein bis sehr groß, und bestimmen Protokollierung und " +
        "Aufbewahrung. Im Gegenzug kaufen oder leasen Sie Kapazität im Voraus und tragen die Betriebslast.",
      fitsWhen: [
        "Datenresidenz, Branchenregulierung oder Verträge verlangen, dass Daten und Modellverarbeitung in einem Land oder einer Region bleiben",
        "Gleichmäßige, vorhersehbare Last hält eigene GPUs den größten Teil des Tages beschäftigt",
        "Workloads berühren vertrauliche Daten (Gesundheit, Finanzen, Verwaltung, Geschäftsgeheimnisse), die Sie keiner Drittanbieter-API schicken",
        "Sie betreiben bereits Rechenzentren und haben ein Plattformteam",
      ],
      avoidWhen: [
        "Der Datenverkehr kommt schubweise oder ist unvorhersehbar, und Sie können keine Kapazität für die Spitze kaufen",
        "Die Nutzer sind weltweit verteilt und brauchen niedrige Latenz weit weg vom Heimatstandort",
        "Sie sind auf proprietäre Frontier-Modelle angewiesen, die es nur als Cloud-API gibt",
      ],
      latency:
        "Gut für Nutzer nahe dem Heimatstandort (etwa 20–40 ms innerhalb der Region). Nutzer in anderen Regionen zahlen den vollen " +
        "Round Trip zwischen Regionen, weil ihre Daten nicht näher zu ihnen gebracht werden dürfen.",
      cost:
        "Kapital- oder leasingintensiv: die niedrigsten Kosten pro Token, wenn die GPUs über Jahre ausgelastet sind, teuer, wenn sie " +
        "leerlaufen. Hinzu kommen Strom, Kühlung, Personal und Hardware-Erneuerung.",
      operations: [
        "GPU-Server mit Strom, Kühlung und Hochgeschwindigkeitsnetz oder ein Vertrag über eine souveräne Cloud",
        "Eine Inferenzplattform (Serving, Scheduling innerhalb fester Kapazität, Modell-Registry), betrieben von Ihrem Team",
        "Audit-Protokolle, Zugriffskontrolle und Nachweise für Aufsichtsbehörden",
        "Lebenszyklusarbeit: Sicherheitspatches, Hardware-Erneuerung und Kapazitätsplanung Monate im Voraus",
      ],
    },
    {
      id: "on_device",
      name: "Inferenz auf dem Gerät",
      tagline: "Die Modelle laufen auf Smartphone, Laptop, Fahrzeug oder Maschine des Nutzers.",
      description:
        "Ein kleines Modell, meist mit 1–4 Milliarden Parametern und auf wenige Bit quantisiert, läuft auf der NPU oder GPU des Geräts " +
        "selbst. Es gibt keinen Netzwerk-Round-Trip, und die Daten verlassen das Gerät nie, daher funktioniert es offline und hält " +
        "private Eingaben privat. Qualität und Geschwindigkeit begrenzt das schwächste unterstützte Gerät, und jedes Modell-Update muss " +
        "an die gesamte Geräteflotte ausgeliefert werden.",
      fitsWhen: [
        "Eingebettete oder mobile Produkte, die offline oder bei schlechter Verbindung funktionieren müssen",
        "Datenschutzsensible Eingaben wie Tastatureingaben, Kamerabilder, Sprache oder Gesundheitssignale",
        "Sehr hohe Anfragevolumen, bei denen Cloud-Kosten pro Anfrage dominieren würden",
        "Aufgaben, die ein kleines Modell gut beherrscht: Zusammenfassungen, Klassifikation, Extraktion, Aktivierungswörter, kurze Antworten",
      ],
      avoidWhen: [
        "Die Aufgaben brauchen Schlussfolgern auf Frontier-Niveau oder langen Kontext",
        "Sie unterstützen viele ältere Geräte ohne leistungsfähige NPU oder mit zu wenig Speicher",
        "Sie müssen Modelle oft wechseln oder jede Antwort zentral prüfen",
      ],
      latency:
        "Kein Netzwerk-Round-Trip. Die Zeit bis zum ersten Token hängt vom Gerät ab: etwa 100–300 ms für einen kurzen Prompt auf " +
        "einem aktuellen Smartphone, länger bei langen Prompts und älterer Hardware.",
      cost:
        "Für Sie nahezu keine Grenzkosten pro Anfrage, weil die Hardware des Nutzers die Arbeit leistet. Die Kosten liegen im " +
        "Engineering für Komprimierung und plattformspezifische Builds sowie in den Akku- und Temperaturgrenzen des Geräts.",
      operations: [
        "Modellkomprimierung (Quantisierung, Destillation) und plattformspezifische Runtimes wie Core ML, ONNX Runtime oder LiteRT",
        "Auslieferung und Versionsverwaltung der Modelle in App- oder Firmware-Updates",
        "Ein Cloud-Fallback für zu schwache Geräte und zu schwierige Anfragen",
        "Datenschutzfreundliche Telemetrie, um die Antwortqualität im Feld zu messen",
      ],
    },
  ],
} satisfies CatalogTranslation;

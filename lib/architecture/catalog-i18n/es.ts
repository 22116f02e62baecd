// The architecture catalog (../catalog.ts) in Spanish, with the terms of messages/es.json.
import type { CatalogTranslation } from "./types";

export const es = {
  rttNote:
    "Medianas típicas redondeadas entre ciudades representativas de cada región, no mediciones de una red concreta; un viaje de ida " +
    "y vuelta por solicitud, con conexiones ya abiertas. Una conexión TLS nueva añade uno o dos viajes de ida y vuelta más.",
  architectures: [
    {
      id: "central_factory",
      name: "Fábrica de IA centralizada",
      tagline: "Un gran clúster de GPU en una sola región de nube, pensado para el rendimiento.",
      description:
        "Toda la inferencia se ejecuta en un gran pool compartido de GPU en una sola región de nube, normalmente la que tiene más " +
        "capacidad y los aceleradores más recientes. Concentrar todas las cargas en un clúster mantiene ocupadas las GPU, hace " +
        "viables los modelos más grandes y ofrece el menor costo por token. El precio es la distancia: cada usuario fuera de esa " +
        "región paga un largo viaje de ida y vuelta por la red en cada solicitud.",
      fitsWhen: [
        "Trabajo por lotes y fuera de línea (procesamiento de documentos, analítica, evaluaciones), donde el rendimiento pesa más que el tiempo de respuesta",
        "Los usuarios están sobre todo en una región o cerca de ella, o el presupuesto de latencia es de 500 ms o más",
        "Necesitas modelos de frontera que requieren servidores con varias GPU y cientos de gigabytes de memoria de acelerador",
        "El tráfico llega a ráfagas y un gran pool compartido puede absorber los picos sin sobredimensionar muchos sitios",
        "Un equipo de plataforma pequeño tiene que operar un solo despliegue y no muchos",
      ],
      avoidWhen: [
        "Los usuarios están repartidos por varios continentes y necesitan una primera respuesta en unos 250 ms",
        "Las normas de residencia de datos prohíben sacarlos del país o la región donde se recopilan",
        "Una caída de esa única región detendría un servicio crítico para el negocio y no hay región de conmutación por error",
      ],
      latency:
        "Los usuarios de la misma región ven unos 20-40 ms de ida y vuelta por la red; los de otros continentes suman 100-300 ms por " +
        "solicitud antes de que el modelo empiece a trabajar. El tiempo hasta el primer token depende luego del tamaño del modelo y de la cola.",
      cost:
        "El menor costo por token a escala: alta utilización de las GPU, descuentos por capacidad reservada o uso comprometido y una " +
        "sola copia de cada modelo. Los cargos por transferencia de datos entre regiones crecen con la proporción de usuarios lejanos.",
      operations: [
        "Un clúster de GPU con su pila de servicio (vLLM, TensorRT-LLM o un endpoint gestionado) y escalado automático",
        "Planificación de capacidad y reservas de aceleradores escasos en una región",
        "Un plan de conmutación por error: una región de respaldo en caliente o un modo degradado documentado",
        "Entrada global (CDN o balanceador de carga global) que termina TLS cerca de los usuarios",
      ],
    },
    {
      id: "regional_cloud",
      name: "Inferencia regional en la nube",
      tagline: "Endpoints de GPU en varias regiones de nube, cada uno cerca de un grupo de usuarios.",
      description:
        "Los mismos modelos se despliegan como endpoints de inferencia en varias regiones de nube, y un balanceador de carga global " +
        "envía a cada usuario al más cercano que esté en buen estado. Los usuarios obtienen viajes de ida y vuelta dentro de su región " +
        "de unos 20-40 ms, mientras el proveedor de nube sigue operando el hardware. Cuesta más que un solo pool central, porque la " +
        "capacidad se reparte entre regiones y cada región necesita su propio margen.",
      fitsWhen: [
        "Los usuarios están en unas pocas regiones (por ejemplo Norteamérica, Europa y Asia Oriental) y esperan respuestas interactivas",
        "El presupuesto de latencia va de unos 250 ms a 1 s y usas modelos medianos o de frontera",
        "Los datos deben procesarse en la región donde se recopilaron, pero no necesitas ser dueño del hardware",
        "Quieres conmutación por error entre regiones: una región asume el tráfico de otra durante una caída",
      ],
      avoidWhen: [
        "Presupuestos de menos de unos 100 ms, donde un viaje de ida y vuelta dentro de la región más la cola dejan muy poco tiempo al modelo",
        "El tráfico es tan pequeño que, al repartirlo entre regiones, la mayoría de las GPU quedan ociosas",
        "Los tipos de GPU o los modelos que necesitas no se ofrecen en las regiones donde están tus usuarios",
      ],
      latency:
        "Normalmente 20-40 ms de ida y vuelta por la red para los usuarios de una región atendida. Los usuarios de una región sin " +
        "endpoint pasan al más cercano y pagan un viaje de ida y vuelta entre regiones.",
      cost:
        "Moderado: más margen ocioso que un solo pool central, porque cada región cubre sus propios picos, más el trabajo de mantener " +
        "sincronizados modelos, índices y configuración entre regiones.",
      operations: [
        "El mismo despliegue en varias regiones, con publicaciones automatizadas y versionadas de modelos y prompts",
        "Enrutamiento global del tráfico (DNS basado en latencia o balanceador de carga anycast) con comprobaciones de estado y conmutación por error",
        "Cuotas de GPU y reservas de capacidad por región",
        "Replicación de índices de recuperación, cachés y datos de características en cada región atendida",
      ],
    },
    {
      id: "distributed_edge",
      name: "Inferencia en edge distribuido",
      tagline: "Modelos pequeños y cuantizados en muchas ubicaciones edge cerca de los usuarios.",
      description:
        "Modelos pequeños, normalmente de menos de 10.000 millones de parámetros y cuantizados a 8 o 4 bits, se ejecutan en GPU o " +
        "aceleradores modestos en muchas ubicaciones edge: puntos de presencia de CDN, sitios de operadores de telecomunicaciones, " +
        "tiendas o plantas. Los usuarios llegan a un sitio en unos 5-15 ms, así que casi todo el presupuesto de latencia queda para " +
        "el modelo. Cada sitio es pequeño, por lo que no puede alojar modelos grandes y tiene poca capacidad libre para ráfagas repentinas.",
      fitsWhen: [
        "Presupuestos de menos de unos 250 ms para usuarios repartidos por muchas ciudades o países",
        "Un modelo pequeño especializado (clasificación, extracción, enrutamiento, respuestas breves) basta para la tarea",
        "Los datos deben filtrarse o anonimizarse cerca de donde se generan, por ejemplo en tiendas, plantas o vehículos",
        "El servicio tiene que seguir funcionando durante una caída del backhaul o de la región de nube",
      ],
      avoidWhen: [
        "La tarea necesita el razonamiento o el conocimiento de un modelo de frontera o mediano",
        "El tráfico por sitio llega a ráfagas o es impredecible, así que los sitios pequeños pondrían solicitudes en cola o las descartarían",
        "No tienes las herramientas para actualizar y supervisar modelos en cientos de ubicaciones",
      ],
      latency:
        "Unos 5-15 ms de ida y vuelta por la red hasta el sitio más cercano. El primer token de un modelo pequeño suele llegar en unos " +
        "50-100 ms cuando el sitio no está sobrecargado; en los sitios con mucha carga, la cola domina.",
      cost:
        "Mayor costo por token que un pool central: muchas GPU pequeñas, en parte ociosas, más el costo de los sitios. Se compensa con " +
        "menos ancho de banda y tráfico de salida, y con no pagar modelos grandes donde bastan los pequeños.",
      operations: [
        "Una flota de nodos pequeños con GPU o NPU, o un servicio de inferencia edge de un proveedor de CDN o de telecomunicaciones",
        "Distribución remota de modelos, fijación de versiones y reversión en todos los sitios",
        "Supervisión del estado de cada sitio y desvío del exceso a un sitio regional cuando un sitio está lleno",
        "Seguridad física y parches para hardware fuera de tus centros de datos",
      ],
    },
    {
      id: "hybrid_split",
      name: "Híbrido dividido (edge + central)",
      tagline: "El edge enruta, guarda en caché, aplica guardarraíles y ejecuta un modelo pequeño; lo difícil se escala.",
      description:
        "Cada solicitud llega primero a un sitio edge que aplica guardarraíles, consulta una caché semántica y prueba un modelo pequeño " +
        "especializado. Un enrutador envía las solicitudes que el modelo pequeño no resuelve bien, a menudo entre el 15 % y el 50 % según " +
        "la tarea, a un modelo de frontera en una nube regional o central. La mayoría de los usuarios reciben respuestas a velocidad de " +
        "edge y los casos difíciles mantienen la calidad de frontera, a cambio de operar dos niveles y un enrutador.",
      fitsWhen: [
        "El tráfico mezcla muchas solicitudes fáciles con una minoría que necesita razonamiento de nivel de frontera",
        "Presupuestos interactivos de unos 100-500 ms para la mayoría de las solicitudes, con tolerancia a respuestas más lentas en las difíciles",
        "Los guardarraíles, la anonimización de datos personales o la caché deben aplicarse antes de que los datos salgan de la región del usuario",
        "Quieres reducir el gasto en modelos de frontera sin renunciar a su calidad en los casos difíciles",
      ],
      avoidWhen: [
        "Casi todas las solicitudes necesitan el modelo de frontera, así que el nivel edge añade un salto sin ahorrar nada",
        "El equipo todavía no puede operar a la vez sitios edge y un despliegue central",
        "Las respuestas deben ser iguales en cada solicitud y se notarían las diferencias entre el modelo pequeño y el grande",
      ],
      latency:
        "Las solicitudes que se responden en el edge ven unos 5-15 ms de ida y vuelta por la red más el primer token de un modelo " +
        "pequeño. Las escaladas suman el viaje de ida y vuelta hasta el sitio regional o central y el tiempo hasta el primer token del modelo de frontera.",
      cost:
        "Suele ser menor que enviarlo todo a un modelo de frontera, porque el edge responde la mayoría fácil y la caché elimina las " +
        "repeticiones. Pagas dos niveles, el enrutador y la evaluación que lo mantiene bien calibrado.",
      operations: [
        "Sitios edge con el modelo pequeño, una caché semántica y guardarraíles",
        "Un enrutador con una política de escalado, y evaluación fuera de línea para mantener bien calibrados sus umbrales",
        "Un endpoint de frontera regional o central dimensionado para la parte escalada del tráfico",
        "Trazas de extremo a extremo en ambos niveles para ver dónde se van el tiempo y el dinero",
      ],
    },
    {
      id: "sovereign_onprem",
      name: "Inferencia on-premises / soberana",
      tagline: "Inferencia en hardware que controlas, en la jurisdicción donde deben quedarse tus datos.",
      description:
        "Los modelos se ejecutan en tu propio centro de datos, en una instalación de colocation o en una nube soberana operada bajo " +
        "jurisdicción local, de modo que los prompts, los documentos recuperados y las respuestas nunca salen de la región donde están " +
        "regulados. Eliges modelos de pesos abiertos que puedas alojar, de pequeños a muy grandes, y controlas los registros y su " +
        "conservación. A cambio, compras o arriendas la capacidad por adelantado y asumes la carga operativa.",
      fitsWhen: [
        "La residencia de datos, la regulación del sector o los contratos exigen que los datos y su procesamiento se queden en un país o región",
        "Una carga estable y predecible mantiene ocupadas las GPU propias la mayor parte del día",
        "Las cargas tocan datos confidenciales (salud, finanzas, gobierno, secretos comerciales) que no enviarás a una API de terceros",
        "Ya operas centros de datos y tienes un equipo de plataforma",
      ],
      avoidWhen: [
        "El tráfico llega a ráfagas o es impredecible y no puedes comprar capacidad para el pico",
        "Los usuarios están repartidos por todo el mundo y necesitan baja latencia lejos del sitio principal",
        "Dependes de modelos de frontera propietarios que solo se ofrecen como API en la nube",
      ],
      latency:
        "Buena para los usuarios cerca del sitio principal (unos 20-40 ms dentro de la región). Los usuarios de otras regiones pagan el " +
        "viaje de ida y vuelta completo entre regiones, porque sus datos no pueden acercarse a ellos.",
      cost:
        "Intensivo en capital o arrendamiento: el menor costo por token cuando las GPU se mantienen ocupadas durante años, caro cuando " +
        "están ociosas. Suma energía, refrigeración, personal y renovación del hardware.",
      operations: [
        "Servidores de GPU con energía, refrigeración y red de alta velocidad, o un contrato de nube soberana",
        "Una plataforma de inferencia (servicio, planificación dentro de una capacidad fija, registro de modelos) operada por tu equipo",
        "Registros de auditoría, control de acceso y evidencias para los reguladores",
        "Trabajo de ciclo de vida: parches de seguridad, renovación del hardware y planificación de capacidad con meses de antelación",
      ],
    },
    {
      id: "on_device",
      name: "Inferencia en el dispositivo",
      tagline: "Los modelos se ejecutan en el teléfono, el portátil, el vehículo o la máquina del usuario.",
      description:
        "Un modelo pequeño, normalmente de entre 1000 y 4000 millones de parámetros cuantizados a pocos bits, se ejecuta en la NPU o la " +
        "GPU del propio dispositivo. No hay viaje de ida y vuelta por la red y los datos nunca salen del dispositivo, así que funciona " +
        "sin conexión y mantiene privada la información privada. La calidad y la velocidad las limita el dispositivo más débil que " +
        "admitas, y cada actualización del modelo hay que distribuirla a toda la flota.",
      fitsWhen: [
        "Productos integrados o móviles que deben funcionar sin conexión o con conexiones deficientes",
        "Entradas sensibles para la privacidad, como texto del teclado, imágenes de la cámara, voz o señales de salud",
        "Volúmenes de solicitudes muy altos, donde el costo en la nube por solicitud dominaría",
        "Tareas que un modelo pequeño resuelve bien: resúmenes, clasificación, extracción, palabras de activación, respuestas breves",
      ],
      avoidWhen: [
        "Las tareas necesitan razonamiento de nivel de frontera o un contexto largo",
        "Admites muchos dispositivos antiguos sin una NPU capaz o sin memoria suficiente",
        "Necesitas cambiar de modelo a menudo o auditar cada respuesta de forma centralizada",
      ],
      latency:
        "Sin viaje de ida y vuelta por la red. El tiempo hasta el primer token depende del dispositivo: unos 100-300 ms para un prompt " +
        "corto en un teléfono reciente, más con prompts largos y hardware antiguo.",
      cost:
        "Costo marginal casi nulo por solicitud para ti, porque el hardware del usuario hace el trabajo. Los costos son la ingeniería " +
        "de compresión y las compilaciones por plataforma, y los límites de batería y temperatura del dispositivo.",
      operations: [
        "Compresión de modelos (cuantización, destilación) y entornos de ejecución por plataforma, como Core ML, ONNX Runtime o LiteRT",
        "Entrega de modelos y gestión de versiones dentro de las actualizaciones de la app o del firmware",
        "Un respaldo en la nube para los dispositivos demasiado limitados y las solicitudes demasiado difíciles",
        "Telemetría que preserve la privacidad para medir la calidad de las respuestas en campo",
      ],
    },
  ],
} satisfies CatalogTranslation;

// The architecture catalog (../catalog.ts) in Brazilian Portuguese, with the terms of messages/pt-BR.json.
import type { CatalogTranslation } from "./types";

export const ptBR = {
  rttNote:
    "Medianas típicas arredondadas entre cidades representativas de cada região, não medições de uma rede específica; uma ida e " +
    "volta por requisição, com conexões já abertas. Uma conexão TLS nova acrescenta mais uma ou duas idas e voltas.",
  architectures: [
    {
      id: "central_factory",
      name: "Fábrica de IA centralizada",
      tagline: "Um grande cluster de GPUs em uma única região de nuvem, feito para vazão.",
      description:
        "Toda a inferência roda em um grande pool compartilhado de GPUs em uma única região de nuvem, geralmente a que tem mais " +
        "capacidade e os aceleradores mais novos. Concentrar todas as cargas em um cluster mantém as GPUs ocupadas, viabiliza os " +
        "maiores modelos e dá o menor custo por token. O preço é a distância: todo usuário fora dessa região paga uma longa ida e " +
        "volta de rede a cada requisição.",
      fitsWhen: [
        "Trabalho em lote e offline, como processamento de documentos, analytics e avaliações, em que a vazão importa mais que o tempo de resposta",
        "Os usuários estão principalmente em uma região ou perto dela, ou o orçamento de latência é de 500 ms ou mais",
        "Você precisa de modelos de fronteira que exigem servidores com várias GPUs e centenas de gigabytes de memória de acelerador",
        "O tráfego vem em rajadas e um grande pool compartilhado absorve os picos sem superdimensionar vários sites",
        "Uma equipe de plataforma pequena precisa operar uma única implantação, e não várias",
      ],
      avoidWhen: [
        "Os usuários estão espalhados por vários continentes e precisam de uma primeira resposta em cerca de 250 ms",
        "Regras de residência de dados proíbem tirar os dados do país ou da região onde são coletados",
        "Uma queda dessa única região pararia um serviço crítico para o negócio e não existe região de failover",
      ],
      latency:
        "Usuários na mesma região têm cerca de 20-40 ms de ida e volta de rede; usuários em outros continentes somam 100-300 ms por " +
        "requisição antes de o modelo começar a trabalhar. O tempo até o primeiro token depende então do tamanho do modelo e da fila.",
      cost:
        "O menor custo por token em escala: alta utilização das GPUs, descontos por capacidade reservada ou uso comprometido e uma " +
        "única cópia de cada modelo. As tarifas de transferência de dados entre regiões crescem com a parcela de usuários distantes.",
      operations: [
        "Um cluster de GPUs com stack de serving (vLLM, TensorRT-LLM ou um endpoint gerenciado) e escalonamento automático",
        "Planejamento de capacidade e reservas de aceleradores escassos em uma região",
        "Um plano de failover: uma região de contingência aquecida ou um modo degradado documentado",
        "Entrada global (CDN ou balanceador de carga global) que termina o TLS perto dos usuários",
      ],
    },
    {
      id: "regional_cloud",
      name: "Inferência regional em nuvem",
      tagline: "Endpoints de GPU em várias regiões de nuvem, cada um perto de um grupo de usuários.",
      description:
        "Os mesmos modelos são implantados como endpoints de inferência em várias regiões de nuvem, e um balanceador de carga global " +
        "envia cada usuário ao endpoint saudável mais próximo. Os usuários têm idas e voltas dentro da região de cerca de 20-40 ms, " +
        "enquanto o provedor de nuvem continua operando o hardware. Custa mais que um único pool central, porque a capacidade fica " +
        "dividida entre regiões e cada região precisa da própria folga.",
      fitsWhen: [
        "Os usuários estão em poucas regiões (por exemplo América do Norte, Europa e Leste Asiático) e esperam respostas interativas",
        "O orçamento de latência fica entre cerca de 250 ms e 1 s e você usa modelos de médio porte ou de fronteira",
        "Os dados devem ser processados na região onde foram coletados, mas você não precisa ser dono do hardware",
        "Você quer failover regional: uma região assume o tráfego de outra durante uma queda",
      ],
      avoidWhen: [
        "Orçamentos abaixo de cerca de 100 ms, em que uma ida e volta dentro da região mais a fila deixam pouco tempo para o modelo",
        "O tráfego é tão pequeno que, dividido entre regiões, deixa a maioria das GPUs ociosa",
        "Os tipos de GPU ou os modelos de que você precisa não são oferecidos nas regiões onde estão seus usuários",
      ],
      latency:
        "Em geral 20-40 ms de ida e volta de rede para usuários de uma região atendida. Usuários de uma região sem endpoint recorrem " +
        "ao mais próximo e pagam uma ida e volta entre regiões.",
      cost:
        "Moderado: mais folga ociosa que um único pool central, porque cada região cobre os próprios picos, além do trabalho de manter " +
        "modelos, índices e configuração sincronizados entre as regiões.",
      operations: [
        "A mesma implantação em várias regiões, com rollouts automatizados e versionados de modelos e prompts",
        "Direcionamento global de tráfego (DNS por latência ou balanceador de carga anycast) com health checks e failover",
        "Cotas de GPU e reservas de capacidade por região",
        "Replicação de índices de recuperação, caches e dados de features para cada região atendida",
      ],
    },
    {
      id: "distributed_edge",
      name: "Inferência em edge distribuído",
      tagline: "Modelos pequenos e quantizados em muitos locais de edge perto dos usuários.",
      description:
        "Modelos pequenos, geralmente com menos de 10 bilhões de parâmetros e quantizados em 8 ou 4 bits, rodam em GPUs ou " +
        "aceleradores modestos em muitos locais de edge: pontos de presença de CDN, sites de operadoras de telecomunicações, lojas ou " +
        "fábricas. Os usuários chegam a um site em cerca de 5-15 ms, então quase todo o orçamento de latência fica para o modelo. Cada " +
        "site é pequeno, por isso não comporta modelos grandes e tem pouca capacidade sobrando para rajadas repentinas.",
      fitsWhen: [
        "Orçamentos abaixo de cerca de 250 ms para usuários espalhados por muitas cidades ou países",
        "Um modelo pequeno de domínio específico (classificação, extração, roteamento, respostas curtas) é suficiente para a tarefa",
        "Os dados devem ser filtrados ou anonimizados perto de onde são gerados, por exemplo em lojas, fábricas ou veículos",
        "O atendimento precisa continuar durante uma queda do backhaul ou da região de nuvem",
      ],
      avoidWhen: [
        "A tarefa exige o raciocínio ou o conhecimento de um modelo de fronteira ou de médio porte",
        "O tráfego por site vem em rajadas ou é imprevisível, então sites pequenos enfileirariam ou descartariam requisições",
        "Faltam ferramentas para atualizar e monitorar modelos em centenas de locais",
      ],
      latency:
        "Cerca de 5-15 ms de ida e volta de rede até o site mais próximo. O primeiro token de um modelo pequeno costuma vir em cerca " +
        "de 50-100 ms quando o site não está sobrecarregado; em sites movimentados, a fila domina.",
      cost:
        "Custo por token maior que o de um pool central: muitas GPUs pequenas, em parte ociosas, mais o custo dos sites. Compensado " +
        "por menos banda e tráfego de saída, e por não pagar modelos grandes onde os pequenos bastam.",
      operations: [
        "Uma frota de nós pequenos com GPU ou NPU, ou um serviço de inferência no edge de um provedor de CDN ou de telecom",
        "Distribuição remota de modelos, fixação de versões e rollback em todos os sites",
        "Monitoramento da saúde de cada site e desvio do excedente para um site regional quando um site está cheio",
        "Segurança física e aplicação de patches em hardware fora dos seus data centers",
      ],
    },
    {
      id: "hybrid_split",
      name: "Híbrido dividido (edge + central)",
      tagline: "O edge roteia, faz cache, aplica guardrails e roda um modelo pequeno; o que é difícil é escalado.",
      description:
        "Toda requisição chega primeiro a um site de edge que aplica guardrails, consulta um cache semântico e tenta um modelo pequeno " +
        "de domínio específico. Um roteador envia as requisições que o modelo pequeno não resolve bem, muitas vezes de 15 % a 50 % " +
        "conforme a tarefa, a um modelo de fronteira em uma nuvem regional ou central. A maioria dos usuários recebe respostas na " +
        "velocidade do edge e os casos difíceis mantêm a qualidade de fronteira, ao custo de operar duas camadas e um roteador.",
      fitsWhen: [
        "O tráfego mistura muitas requisições fáceis com uma minoria que exige raciocínio de nível de fronteira",
        "Orçamentos interativos de cerca de 100-500 ms para a maioria das requisições, com tolerância a respostas mais lentas nas difíceis",
        "Guardrails, anonimização de dados pessoais ou cache devem acontecer antes de os dados saírem da região do usuário",
        "Você quer reduzir o gasto com modelos de fronteira sem abrir mão da qualidade deles nos casos difíceis",
      ],
      avoidWhen: [
        "Quase toda requisição precisa do modelo de fronteira, então a camada de edge acrescenta um salto sem economizar nada",
        "A equipe ainda não consegue operar ao mesmo tempo sites de edge e uma implantação central",
        "As respostas precisam ser iguais em toda requisição e as diferenças entre o modelo pequeno e o grande ficariam visíveis",
      ],
      latency:
        "Requisições respondidas no edge têm cerca de 5-15 ms de ida e volta de rede mais o primeiro token de um modelo pequeno. As " +
        "escaladas somam a ida e volta até o site regional ou central e o tempo até o primeiro token do modelo de fronteira.",
      cost:
        "Geralmente menor que mandar tudo a um modelo de fronteira, porque o edge responde a maioria fácil e o cache elimina " +
        "repetições. Você paga por duas camadas, pelo roteador e pela avaliação que o mantém calibrado.",
      operations: [
        "Sites de edge rodando o modelo pequeno, um cache semântico e guardrails",
        "Um roteador com política de escalonamento e avaliação offline para manter seus limiares calibrados",
        "Um endpoint de fronteira regional ou central dimensionado para a parcela escalada do tráfego",
        "Tracing de ponta a ponta nas duas camadas para ver para onde vão o tempo e o dinheiro",
      ],
    },
    {
      id: "sovereign_onprem",
      name: "Inferência on-premises / soberana",
      tagline: "Inferência em hardware que você controla, na jurisdição onde seus dados precisam ficar.",
      description:
        "Os modelos rodam no seu próprio data center, em uma instalação de colocation ou em uma nuvem soberana operada sob jurisdição " +
        "local, de modo que prompts, documentos recuperados e respostas nunca saem da região onde são regulados. Você escolhe modelos " +
        "de pesos abertos que consegue hospedar, dos pequenos aos muito grandes, e controla os logs e a retenção. Em troca, compra ou " +
        "aluga capacidade antecipadamente e assume a carga operacional.",
      fitsWhen: [
        "Residência de dados, regulação setorial ou contratos exigem que os dados e o processamento fiquem em um país ou região",
        "Uma carga estável e previsível mantém as GPUs próprias ocupadas durante a maior parte do dia",
        "As cargas lidam com dados confidenciais (saúde, finanças, governo, segredos comerciais) que você não enviará a uma API de terceiros",
        "Você já opera data centers e tem uma equipe de plataforma",
      ],
      avoidWhen: [
        "O tráfego vem em rajadas ou é imprevisível e você não pode comprar capacidade para o pico",
        "Os usuários estão espalhados pelo mundo e precisam de baixa latência longe do site principal",
        "Você depende de modelos de fronteira proprietários oferecidos apenas como API em nuvem",
      ],
      latency:
        "Boa para usuários perto do site principal (cerca de 20-40 ms dentro da região). Usuários de outras regiões pagam a ida e " +
        "volta completa entre regiões, porque os dados deles não podem ficar mais perto deles.",
      cost:
        "Pesado em capital ou leasing: o menor custo por token quando as GPUs ficam ocupadas por anos, caro quando ficam ociosas. " +
        "Some energia, refrigeração, pessoal e renovação do hardware.",
      operations: [
        "Servidores de GPU com energia, refrigeração e rede de alta velocidade, ou um contrato de nuvem soberana",
        "Uma plataforma de inferência (serving, agendamento dentro de capacidade fixa, registro de modelos) operada pela sua equipe",
        "Logs de auditoria, controle de acesso e evidências para os reguladores",
        "Trabalho de ciclo de vida: patches de segurança, renovação do hardware e planejamento de capacidade com meses de antecedência",
      ],
    },
    {
      id: "on_device",
      name: "Inferência no dispositivo",
      tagline: "Os modelos rodam no celular, notebook, veículo ou máquina do usuário.",
      description:
        "Um modelo pequeno, em geral de 1 a 4 bilhões de parâmetros quantizados em poucos bits, roda na NPU ou na GPU do próprio " +
        "dispositivo. Não há ida e volta de rede e os dados nunca saem do dispositivo, então ele funciona offline e mantém privado o " +
        "que é privado. Qualidade e velocidade são limitadas pelo dispositivo mais fraco que você suporta, e cada atualização do " +
        "modelo precisa ser distribuída para toda a frota.",
      fitsWhen: [
        "Produtos embarcados ou móveis que precisam funcionar offline ou com conexões ruins",
        "Entradas sensíveis à privacidade, como texto do teclado, imagens da câmera, voz ou sinais de saúde",
        "Volumes de requisições muito altos, em que o custo de nuvem por requisição seria dominante",
        "Tarefas que um modelo pequeno faz bem: resumos, classificação, extração, palavras de ativação, respostas curtas",
      ],
      avoidWhen: [
        "As tarefas exigem raciocínio de nível de fronteira ou contexto longo",
        "Você suporta muitos dispositivos antigos sem uma NPU capaz ou sem memória suficiente",
        "Você precisa trocar de modelo com frequência ou auditar cada resposta de forma centralizada",
      ],
      latency:
        "Sem ida e volta de rede. O tempo até o primeiro token depende do dispositivo: cerca de 100-300 ms para um prompt curto em um " +
        "celular recente, mais para prompts longos e hardware antigo.",
      cost:
        "Custo marginal quase zero por requisição para você, porque o hardware do usuário faz o trabalho. Os custos são a engenharia de " +
        "compressão e os builds por plataforma, além dos limites de bateria e de temperatura do dispositivo.",
      operations: [
        "Compressão de modelos (quantização, destilação) e runtimes por plataforma, como Core ML, ONNX Runtime ou LiteRT",
        "Entrega de modelos e gestão de versões dentro das atualizações do app ou do firmware",
        "Um fallback em nuvem para dispositivos fracos demais e requisições difíceis demais",
        "Telemetria que preserve a privacidade para medir a qualidade das respostas em campo",
      ],
    },
  ],
} satisfies CatalogTranslation;

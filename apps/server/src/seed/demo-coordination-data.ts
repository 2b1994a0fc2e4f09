import type {
  EngagementKind,
  ParticipantSide,
  ProposalAnswer,
  ProposalCategory,
  Recurrence,
  TaskPriority,
} from '@caunoi/shared';

/**
 * Coordination records stated by the five source articles (2020–2023), loaded as real records
 * with the demo data. Where an article leaves something out (a year, a province), the record
 * says so in its notes instead of guessing silently.
 */

const SRC_ND =
  'Nguồn: "Nam Định sẽ trở thành trung tâm khoa học và công nghệ vùng Nam Đồng bằng sông Hồng", Trung tâm Nghiên cứu và Phát triển truyền thông KH&CN, Vụ Phát triển KH&CN địa phương, 13/05/2023.';
const SRC_HUE =
  'Nguồn: "Xây dựng Thừa Thiên Huế trở thành Trung tâm khoa học công nghệ lớn của cả nước", theo TTH.VN.';
const SRC_CONF =
  'Nguồn: "Bộ Khoa học và Công nghệ bàn giải pháp đưa nhanh KH, CN&ĐMST thúc đẩy phát triển KT-XH ở các địa phương", Bộ Khoa học và Công nghệ.';
const SRC_HP =
  'Nguồn: "Ký kết chương trình phối hợp hoạt động khoa học, công nghệ và đổi mới sáng tạo giữa UBND thành phố và Bộ Khoa học và Công nghệ", Cổng Thông tin điện tử thành phố Hải Phòng.';
const SRC_2020 =
  'Nguồn: "Đưa cách mạng công nghiệp 4.0 tiến sâu vào các ngành, lĩnh lực", bài báo ngày 14/12/2020.';

export interface DemoParticipant {
  person: string;
  side: ParticipantSide;
  /** Title as printed; when absent, the person's position on the day is used. */
  title?: string;
  organisationCode?: string;
}

export interface DemoProposal {
  title: string;
  content: string;
  category: ProposalCategory;
  answer?: ProposalAnswer;
  answerReason?: string;
  estimatedCost?: number;
  fundingSource?: string;
  assignedUnits?: string[];
}

export interface DemoTask {
  number: string;
  title: string;
  description?: string;
  leadCode: string;
  cooperatorCodes?: string[];
  deadline?: string | null;
  recurrence?: Recurrence;
  recurrenceEndsOn?: string;
  expectedProduct?: string;
  priority?: TaskPriority;
}

export interface DemoDirective {
  number: number;
  text: string;
  by?: string;
  tasks?: DemoTask[];
}

export interface DemoEngagement {
  key: string;
  kind: EngagementKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string | null;
  hostCode: string | null;
  unitIds: string[];
  programmeKey?: string;
  summary: string;
  notes?: string;
  participants: DemoParticipant[];
  directives?: DemoDirective[];
  proposals?: DemoProposal[];
}

export interface DemoProgramme {
  key: string;
  title: string;
  documentNumber: string | null;
  signedOn: string;
  periodStartYear: number;
  periodEndYear: number;
  horizonYear: number;
  parties: Array<{
    code: string;
    side: 'ministry' | 'province';
    unitId?: string;
    signatory?: string;
  }>;
  summary: string;
  notes?: string;
  contents: Array<{ title: string; description?: string; tasks?: DemoTask[] }>;
}

export const SOURCE_PROGRAMMES: DemoProgramme[] = [
  {
    key: 'hue-2021',
    title:
      'Chương trình phối hợp hoạt động KH&CN giữa Bộ Khoa học và Công nghệ và UBND tỉnh Thừa Thiên Huế giai đoạn 2021–2025, định hướng đến năm 2030',
    documentNumber: null,
    signedOn: '2021-11-21',
    periodStartYear: 2021,
    periodEndYear: 2025,
    horizonYear: 2030,
    parties: [
      { code: 'BKHCN', side: 'ministry', signatory: 'Huỳnh Thành Đạt' },
      { code: 'UBND-46@2008-08-01', side: 'province', unitId: '46@2008-08-01' },
    ],
    summary:
      'Ký kết tại buổi làm việc ngày 21/11 giữa Đoàn công tác của Bộ KH&CN do Bộ trưởng Huỳnh Thành Đạt làm trưởng đoàn và tỉnh Thừa Thiên Huế, nhằm tăng cường phối hợp trong lãnh đạo, chỉ đạo hoạt động KH,CN&ĐMST và tổ chức thực hiện Nghị quyết số 54 của Bộ Chính trị.',
    notes: `Bài viết chỉ ghi ngày ký "chiều 21/11", không ghi năm; năm 2021 được ghi nhận theo giai đoạn 2021–2025 của chương trình. Số văn bản không được nêu. ${SRC_HUE}`,
    contents: [
      {
        title:
          'Phối hợp xây dựng và triển khai các đề án, cơ chế, chính sách phát triển KH, CN&ĐMST',
      },
      { title: 'Phối hợp xây dựng Thừa Thiên Huế trở thành Trung tâm KHCN lớn của cả nước' },
      { title: 'Hỗ trợ, hợp tác trong nghiên cứu ứng dụng và chuyển giao công nghệ' },
      { title: 'Quản lý nhà nước về KH, CN&ĐMST' },
    ],
  },
  {
    key: 'hp-2022',
    title:
      'Chương trình phối hợp hoạt động khoa học, công nghệ và đổi mới sáng tạo giữa Bộ Khoa học và Công nghệ và UBND thành phố Hải Phòng giai đoạn 2022–2025, định hướng đến năm 2030',
    documentNumber: null,
    signedOn: '2022-07-29',
    periodStartYear: 2022,
    periodEndYear: 2025,
    horizonYear: 2030,
    parties: [
      { code: 'BKHCN', side: 'ministry', signatory: 'Huỳnh Thành Đạt' },
      {
        code: 'UBND-31@2008-08-01',
        side: 'province',
        unitId: '31@2008-08-01',
        signatory: 'Nguyễn Văn Tùng',
      },
    ],
    summary:
      'Ký kết chiều 29/7 tại Hải Phòng, với 5 nội dung phối hợp. Bộ trưởng đề nghị các Vụ thuộc Bộ và thành phố sớm cụ thể hóa các nội dung ký kết thành các chương trình hành động cụ thể.',
    notes: `Bài viết chỉ ghi "Chiều 29/7", không ghi năm; năm 2022 được ghi nhận theo giai đoạn 2022–2025 của chương trình. Số văn bản không được nêu. ${SRC_HP}`,
    contents: [
      {
        title:
          'Hỗ trợ Hải Phòng trở thành địa phương thí điểm về triển khai chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo quốc gia',
      },
      {
        title:
          'Thúc đẩy mạnh mẽ hoạt động nghiên cứu khoa học và phát triển công nghệ; đánh giá, thẩm định công nghệ và quản lý hoạt động chuyển giao công nghệ',
      },
      {
        title:
          'Đẩy mạnh các hoạt động nâng cao năng suất và chất lượng, phát triển thị trường khoa học và công nghệ, phát triển tài sản trí tuệ',
      },
      { title: 'Hỗ trợ hợp tác quốc tế về khoa học, công nghệ và đổi mới sáng tạo' },
      {
        title:
          'Hỗ trợ xây dựng Hải Phòng trở thành trọng điểm phát triển khoa học - công nghệ biển của vùng Bắc Bộ và cả nước',
      },
    ],
  },
];

const ND_FIVE_TASKS = [
  'Tiếp tục quan tâm lãnh đạo, chỉ đạo hoàn thiện cơ chế, chính sách và tăng cường đầu tư cho hoạt động KH,CN&ĐMST trong thời gian tới, có giải pháp huy động mọi nguồn lực trong đó quan tâm đến giải pháp thu hút nguồn kinh phí ngoài ngân sách nhà nước đầu tư cho KH&CN, nhất là của các doanh nghiệp, nhà sản xuất.',
  'Đẩy mạnh hoạt động nghiên cứu, ứng dụng, chuyển giao tiến bộ khoa học kỹ thuật vào sản xuất và đời sống, hỗ trợ phát triển hệ sinh thái khởi nghiệp, ươm tạo công nghệ, ĐMST trong các tổ chức KH&CN và doanh nghiệp; đẩy mạnh hoạt động ứng dụng, đổi mới công nghệ trong doanh nghiệp, truy xuất nguồn gốc, bảo hộ và phát triển thương hiệu, nâng cao năng suất chất lượng sản phẩm hàng hóa đáp ứng yêu cầu ngày càng cao của thị trường.',
  'Tiếp tục đầu tư nâng cao tiềm lực KH&CN, đào tạo, nâng cao chất lượng nguồn nhân lực theo định hướng phát triển của tỉnh, nhất là nhân lực công nghệ thông tin, kỹ thuật công nghệ, du lịch, công nghiệp công nghệ cao; tăng cường hợp tác với các trường đại học, viện nghiên cứu, doanh nghiệp, thu hút chuyên gia, hợp tác quốc tế trong hoạt động KH,CN&ĐMST.',
  'Thực hiện tốt chức năng quản lý nhà nước về các lĩnh vực KH&CN trên địa bàn như: tiêu chuẩn đo lường chất lượng; sở hữu trí tuệ; an toàn bức xạ và hạt nhân; thẩm định, đánh giá và giám định công nghệ; đổi mới sáng tạo; phát triển thị trường, doanh nghiệp KH&CN; thanh tra; thông tin, thống kê KH&CN. Duy trì, giữ vững thương hiệu sản phẩm của tỉnh đã được bảo hộ; tăng cường khai thác, phát huy giá trị tài sản trí tuệ đã được hình thành tại thị trường trong và ngoài nước.',
  'Tiếp tục phối hợp chặt chẽ với Bộ KH&CN trong việc lãnh đạo chỉ đạo hoạt động KH,CN&ĐMST trên địa bàn tỉnh cũng như cả nước. Tổng kết đánh giá những kinh nghiệm, cách làm hay để triển khai với các địa phương khác. Đề xuất và triển khai những nhiệm vụ KH&CN nhằm khai thác tiềm năng, thế mạnh phục vụ trực tiếp cho các mục tiêu phát triển kinh tế - xã hội của tỉnh như kinh tế biển, văn hóa du lịch, giáo dục và đào tạo. Bám sát và triển khai hiệu quả các chủ trương mà Nghị quyết đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025, Nghị quyết Đại hội XIII của Đảng và nhất là Nghị quyết số 30 của Bộ Chính trị về phát triển vùng đến năm 2030 tầm nhìn 2045 đã đặt ra.',
];

const CONF_FIVE_TASKS = [
  'Các sở KH&CN khẩn trương, chủ động tham mưu cho lãnh đạo địa phương ban hành chương trình, kế hoạch triển khai thực hiện các Nghị quyết của Bộ Chính trị, Nghị quyết của Chính phủ về phát triển KT-XH, bảo đảm quốc phòng an ninh của các Vùng.',
  'Tiếp tục hoàn thiện hệ thống pháp luật về KH,CN&ĐMST; kiện toàn về tổ chức bộ máy, đồng bộ cơ chế quản lý, hoạt động, huy động mọi nguồn lực, giải pháp để triển khai thực hiện chiến lược, kế hoạch phát triển KH,CN&ĐMST. Huy động và sử dụng hiệu quả mọi nguồn lực đầu tư cho phát triển KH,CN&ĐMST ngang tầm với yêu cầu và nhiệm vụ được giao.',
  'Tập trung nguồn lực đẩy mạnh hỗ trợ phát triển hệ sinh thái khởi nghiệp ĐMST ươm tạo công nghệ trong các tổ chức KH&CN và doanh nghiệp. Tập trung đào tạo nguồn nhân lực chất lượng cao gắn trực tiếp với các nội dung phục vụ định hướng phát triển KT-XH bền vững. Tăng cường đầu tư tiềm lực cơ sở vật chất, hạ tầng cho các tổ chức, doanh nghiệp KH&CN.',
  'Tăng cường hợp tác với các trường đại học, viện nghiên cứu để đẩy mạnh hợp tác chuyển giao, ứng dụng các thành tựu KH&CN tiên tiến, công nghệ cao vào sản xuất các sản phẩm chủ lực, sản phẩm có lợi thế. Đẩy mạnh liên kết, hợp tác trong nước và quốc tế về KH,CN&ĐMST. Mở rộng hội nhập quốc tế, hợp tác song phương, đa phương, tích cực trao đổi thông tin, kinh nghiệm và thu hút nguồn lực quốc tế.',
  'Triển khai việc xây dựng Bộ chỉ số ĐMST địa phương (cấp tỉnh). Thực hiện tốt công tác quản lý nhà nước trên các lĩnh vực KH&CN.',
];

export const SOURCE_ENGAGEMENTS: DemoEngagement[] = [
  {
    key: 'hue-2021',
    kind: 'working_session',
    title: 'Làm việc với tỉnh Thừa Thiên Huế và ký kết chương trình phối hợp hoạt động KH&CN',
    startsOn: '2021-11-21',
    endsOn: '2021-11-21',
    place: 'Thừa Thiên Huế',
    hostCode: 'UBND-46@2008-08-01',
    unitIds: ['46@2008-08-01'],
    programmeKey: 'hue-2021',
    summary:
      'Đoàn công tác của Bộ KH&CN do Bộ trưởng Huỳnh Thành Đạt làm trưởng đoàn làm việc với tỉnh Thừa Thiên Huế; hai bên ký kết chương trình phối hợp giai đoạn 2021–2025, định hướng đến năm 2030. Tỉnh đề nghị Bộ tiếp tục hỗ trợ để triển khai Nghị quyết 54 của Bộ Chính trị, sớm đưa tỉnh thành thành phố trực thuộc Trung ương và một trong những Trung tâm KH&CN lớn của cả nước.',
    notes: `Bài viết không ghi năm; năm 2021 được ghi nhận theo giai đoạn của chương trình được ký. ${SRC_HUE}`,
    participants: [
      { person: 'Huỳnh Thành Đạt', side: 'ministry' },
      { person: 'Lê Trường Lưu', side: 'province' },
    ],
    directives: [
      {
        number: 1,
        by: 'Huỳnh Thành Đạt',
        text: 'Thừa Thiên Huế cần quan tâm huy động các nguồn lực đầu tư cho phát triển KH,CN&ĐMST; quan tâm đầu tư nghiên cứu ứng dụng và phát triển KH&CN; đầu tư nghiên cứu trong lĩnh vực khoa học xã hội, nhân văn, tự nhiên; có giải pháp tiếp cận thành công các thành tựu của cách mạng công nghiệp lần thứ tư, trọng tâm là ứng dụng công nghệ số, chuyển đổi số cho các ngành, các lĩnh vực ở địa phương.',
      },
      {
        number: 2,
        by: 'Huỳnh Thành Đạt',
        text: 'Các cơ quan trực thuộc Bộ xem xét, đánh giá tính khả thi để tích cực hỗ trợ về cơ chế, chính sách, nguồn lực giúp tỉnh phát triển KH&CN, ĐMST; phát triển một số sản phẩm chủ lực, thế mạnh trên lĩnh vực nông nghiệp, công nghiệp; đào tạo bồi dưỡng nguồn nhân lực KH&CN.',
      },
    ],
  },
  {
    key: 'hp-2022',
    kind: 'signing_ceremony',
    title:
      'Ký kết chương trình phối hợp hoạt động KH, CN&ĐMST giữa UBND thành phố Hải Phòng và Bộ Khoa học và Công nghệ',
    startsOn: '2022-07-29',
    endsOn: '2022-07-29',
    place: 'Hải Phòng',
    hostCode: 'UBND-31@2008-08-01',
    unitIds: ['31@2008-08-01'],
    programmeKey: 'hp-2022',
    summary:
      'Thành phố báo cáo kết quả KH, CN&ĐMST giai đoạn 2020–2021: tỷ trọng TFP đóng góp vào tăng trưởng GRDP đạt 40,43% năm 2020 và 41% năm 2021; hỗ trợ hơn 30 doanh nghiệp xây dựng lộ trình đổi mới công nghệ, 8 doanh nghiệp triển khai dự án ứng dụng, sản xuất thử nghiệm, 9 dự án phát triển tài sản trí tuệ, 4 doanh nghiệp xây dựng đề án chuyển đổi số, 15 dự án nâng cao năng suất chất lượng; cấp mới 11 Giấy chứng nhận doanh nghiệp KH&CN. Thảo luận về huy động xã hội hóa, chiến lược KH, CN&ĐMST quốc gia, chuyển đổi số, hệ dữ liệu mở phục vụ doanh nghiệp và người dân, đào tạo nguồn nhân lực, cơ chế tài chính.',
    notes: `Bài viết chỉ ghi "Chiều 29/7", không ghi năm; năm 2022 được ghi nhận theo giai đoạn của chương trình. ${SRC_HP}`,
    participants: [
      { person: 'Huỳnh Thành Đạt', side: 'ministry' },
      { person: 'Bùi Thế Duy', side: 'ministry' },
      { person: 'Trần Lưu Quang', side: 'province' },
      { person: 'Nguyễn Văn Tùng', side: 'province' },
      { person: 'Đỗ Mạnh Hiến', side: 'province' },
      { person: 'Hoàng Minh Cường', side: 'province' },
    ],
    directives: [
      {
        number: 1,
        by: 'Huỳnh Thành Đạt',
        text: 'Các Vụ thuộc Bộ và thành phố Hải Phòng sớm cụ thể hóa các nội dung ký kết thành các chương trình hành động cụ thể.',
      },
      {
        number: 2,
        by: 'Huỳnh Thành Đạt',
        text: 'Thành phố tiếp tục tăng cường phối hợp, nghiên cứu, đào tạo chuyên gia, cử cán bộ đi nghiên cứu.',
      },
    ],
  },
  {
    key: 'conf-2023',
    kind: 'conference',
    title: 'Hội nghị Giám đốc Sở Khoa học và Công nghệ toàn quốc năm 2023',
    startsOn: '2023-03-16',
    endsOn: '2023-03-17',
    place: 'Thành phố Quy Nhơn, tỉnh Bình Định',
    hostCode: 'BKHCN',
    unitIds: [],
    summary:
      'Bộ KH&CN phối hợp với UBND tỉnh Bình Định tổ chức; lãnh đạo và cán bộ chủ chốt của 63 sở KH&CN tham dự. Ba vấn đề trọng tâm thảo luận: (i) tổng kết, đánh giá kết quả hoạt động KH,CN&ĐMST năm 2022, chia sẻ kinh nghiệm, đề xuất giải pháp cho từng địa phương, vùng và quốc gia; (ii) hướng dẫn xây dựng kế hoạch KH,CN&ĐMST năm 2024, khơi thông nguồn lực, nghiên cứu hướng tới chuyển đổi số, hỗ trợ doanh nghiệp; (iii) tăng cường quản lý nhà nước, tổ chức bộ máy, nguồn nhân lực, huy động và sử dụng nguồn lực đầu tư, hoạt động của các đơn vị sự nghiệp. Hội thảo chuyên đề về Bộ chỉ số ĐMST cấp địa phương.',
    notes: SRC_CONF,
    participants: [
      { person: 'Huỳnh Thành Đạt', side: 'ministry' },
      { person: 'Lê Xuân Định', side: 'ministry' },
      { person: 'Nguyễn Hoàng Giang', side: 'ministry' },
      { person: 'Lâm Hải Giang', side: 'province' },
    ],
    directives: CONF_FIVE_TASKS.map((text, i) => ({ number: i + 1, text, by: 'Huỳnh Thành Đạt' })),
  },
  {
    key: 'nd-2023',
    kind: 'working_session',
    title: 'Làm việc với tỉnh Nam Định về hoạt động KH,CN&ĐMST năm 2022 và 4 tháng đầu năm 2023',
    startsOn: '2023-05-11',
    endsOn: '2023-05-11',
    place: 'Nam Định',
    hostCode: 'UBND-36@2008-08-01',
    unitIds: ['36@2008-08-01'],
    summary:
      'Đánh giá kết quả hoạt động KH,CN&ĐMST phục vụ phát triển KT-XH năm 2022 và 4 tháng đầu năm 2023, định hướng nhiệm vụ trọng tâm. Tỉnh báo cáo: đã tiếp nhận, ứng dụng 45 quy trình công nghệ, xây dựng 15 mô hình ứng dụng tiến bộ KH&CN sản xuất liên kết chuỗi; hỗ trợ tạo lập, quản lý và phát triển 05 nhãn hiệu tập thể/nhãn hiệu chứng nhận; thẩm định công nghệ nhiều dự án đầu tư, trong đó có dự án Nhà máy gang thép xanh Xuân Thiện Nam Định. Bộ KH&CN thống nhất chủ trương, ủng hộ các đề xuất của tỉnh và đề nghị tỉnh giao Sở KH&CN rà soát, sắp xếp thứ tự ưu tiên và lộ trình triển khai từng năm.',
    notes: SRC_ND,
    participants: [
      { person: 'Phạm Gia Túc', side: 'province' },
      { person: 'Phạm Đình Nghị', side: 'province' },
      { person: 'Trần Lê Đoài', side: 'province' },
      { person: 'Huỳnh Thành Đạt', side: 'ministry' },
      { person: 'Nguyễn Hoàng Giang', side: 'ministry' },
    ],
    directives: [
      ...ND_FIVE_TASKS.map((text, i) => ({ number: i + 1, text, by: 'Huỳnh Thành Đạt' })),
      {
        number: 6,
        by: 'Huỳnh Thành Đạt',
        text: 'Đối với những đề xuất, kiến nghị của tỉnh Nam Định, Bộ KH&CN thống nhất chủ trương, ủng hộ triển khai thực hiện. UBND tỉnh giao Sở KH&CN làm đầu mối chủ động phối hợp với các đơn vị chức năng của địa phương và của Bộ rà soát, sắp xếp thứ tự ưu tiên và lộ trình triển khai từng năm phù hợp với nguồn lực để xây dựng đề xuất cụ thể, báo cáo lãnh đạo Bộ và lãnh đạo UBND tỉnh xem xét, quyết định.',
        tasks: [
          {
            number: '1',
            title:
              'Rà soát, sắp xếp thứ tự ưu tiên và lộ trình triển khai từng năm các đề xuất đã được Bộ thống nhất, phù hợp với nguồn lực',
            description:
              'Sở KH&CN làm đầu mối, phối hợp với các đơn vị chức năng của địa phương và của Bộ; xây dựng đề xuất cụ thể, báo cáo lãnh đạo Bộ và lãnh đạo UBND tỉnh xem xét, quyết định. Bài viết không nêu thời hạn.',
            leadCode: 'SKHCN-36@2008-08-01',
            cooperatorCodes: ['BKHCN.VU-PTDP'],
            deadline: null,
            expectedProduct: 'Đề xuất cụ thể kèm lộ trình triển khai từng năm',
            priority: 'high',
          },
        ],
      },
    ],
    proposals: [
      {
        title:
          'Hỗ trợ nghiên cứu KH&CN ứng dụng trong nông nghiệp, xây dựng Nam Định thành một trong những trung tâm KH&CN về nông nghiệp',
        content:
          'Đề nghị Bộ KH&CN hỗ trợ nghiên cứu KH&CN ứng dụng trong nông nghiệp và xây dựng Nam Định là một trong những trung tâm KH&CN về nông nghiệp.',
        category: 'national_task',
        answer: 'agreed',
        answerReason: 'Bộ KH&CN thống nhất chủ trương, ủng hộ triển khai thực hiện.',
        assignedUnits: ['BKHCN.VU-PTDP', 'BKHCN.VU-KTKT'],
      },
      {
        title: 'Hỗ trợ thẩm định công nghệ các dự án của nhà đầu tư công nghệ cao tại tỉnh',
        content:
          'Đề nghị Bộ KH&CN hỗ trợ thẩm định về công nghệ của các nhà đầu tư về công nghệ cao tại tỉnh.',
        category: 'technology_appraisal',
        answer: 'agreed',
        answerReason: 'Bộ KH&CN thống nhất chủ trương, ủng hộ triển khai thực hiện.',
        assignedUnits: ['BKHCN.VU-DTG'],
      },
      {
        title: 'Triển khai các nhiệm vụ KH,CN&ĐMST cấp quốc gia phục vụ phát triển KT-XH của tỉnh',
        content:
          'Đề nghị Bộ KH&CN hỗ trợ triển khai các nhiệm vụ KH,CN&ĐMST cấp quốc gia phục vụ phát triển KT-XH.',
        category: 'national_task',
        answer: 'agreed',
        answerReason: 'Bộ KH&CN thống nhất chủ trương, ủng hộ triển khai thực hiện.',
        assignedUnits: ['BKHCN.VU-PTDP'],
      },
    ],
  },
  {
    key: 'yearend-2020',
    kind: 'conference',
    title: 'Hội nghị tổng kết hoạt động KH&CN năm 2020 và triển khai nhiệm vụ năm 2021',
    startsOn: '2020-12-14',
    endsOn: '2020-12-14',
    place: null,
    hostCode: null,
    unitIds: [],
    summary:
      'Năm 2020, Sở KH&CN triển khai 40 nhiệm vụ KH&CN cấp tỉnh và phân quyền thực hiện 28 nhiệm vụ cấp cơ sở; 120 lượt doanh nghiệp, tổ chức, cá nhân được hỗ trợ xây dựng hồ sơ xác lập quyền sở hữu công nghiệp; 5 doanh nghiệp được hướng dẫn thành lập doanh nghiệp KH&CN; trên 1.000 lô hàng nhóm 2 được kiểm tra, 6.000 phương tiện đo, trên 13.000 công tơ điện, nước được kiểm định, đối chứng.',
    notes: `Bài viết không nêu tỉnh tổ chức hội nghị: để trống tỉnh, thành phố. Ngày hội nghị lấy theo ngày đăng bài (14/12/2020). ${SRC_2020}`,
    participants: [
      { person: 'Nguyễn Thị Hạnh', side: 'province', title: 'Phó Chủ tịch UBND tỉnh' },
    ],
    directives: [
      {
        number: 1,
        by: 'Nguyễn Thị Hạnh',
        text: 'Đẩy mạnh việc ứng dụng thành tựu của cách mạng công nghiệp 4.0 vào các ngành, lĩnh vực; chú trọng phát triển nguồn nhân lực KH&CN; quản lý, kiểm soát chặt chẽ công nghệ trong lĩnh vực công nghiệp; khuyến khích doanh nghiệp đầu tư, đổi mới công nghệ; quan tâm phát triển nông nghiệp công nghệ cao; xây dựng thương hiệu sản phẩm OCOP địa phương thành thương hiệu quốc gia; bảo tồn các nguồn gen quý, đặc thù của tỉnh.',
      },
      {
        number: 2,
        by: 'Nguyễn Thị Hạnh',
        text: 'Phối hợp với các sở, ngành, địa phương đẩy nhanh tiến độ thực hiện đô thị thông minh, du lịch thông minh, y tế, giáo dục thông minh; tăng cường truyền thông, phổ biến cơ chế, chính sách về KH&CN cho doanh nghiệp, tổ chức, cá nhân; tích cực cải cách hành chính; thúc đẩy hoạt động đổi mới sáng tạo; siết chặt quản lý nhà nước về KH&CN; rà soát, phát huy hiệu quả Quỹ Phát triển KH&CN.',
      },
    ],
  },
];

/** People named in the articles who are not in the directory's demo data yet. */
export const EXTRA_PEOPLE = ['Nguyễn Thị Hạnh'];

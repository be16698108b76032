<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AgentPanel</name>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="56"/>
        <source>代办（帮办代办，由他人代为申请）(&amp;D)</source>
        <translation>Agent filing (assisted / filed by someone else) (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="59"/>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="233"/>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="244"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="61"/>
        <source>读取代办人身份证 (F3)</source>
        <translation>Read agent&apos;s ID card (F3)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="63"/>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="192"/>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="254"/>
        <source>请代办人出示本人身份证。</source>
        <translation>Please ask the agent to show their own ID card.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="79"/>
        <source>请写明与申请人的关系</source>
        <translation>State the relationship to the applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="82"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="83"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="84"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="85"/>
        <source>与申请人关系</source>
        <translation>Relationship to applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="86"/>
        <source>关系说明</source>
        <translation>Relationship details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="88"/>
        <source>大厅屏显示为</source>
        <translation>Hall screen shows</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="108"/>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="108"/>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="108"/>
        <source>亲属</source>
        <translation>Relative</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="108"/>
        <source>社区工作人员</source>
        <translation>Community worker</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="109"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="160"/>
        <source>已读取代办人证件。</source>
        <translation>Agent&apos;s ID card read.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="226"/>
        <source>请填写代办人姓名或读取代办人身份证</source>
        <translation>Enter the agent&apos;s name or read the agent&apos;s ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="229"/>
        <source>请填写代办人证件号码</source>
        <translation>Enter the agent&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="237"/>
        <source>代办人须年满 18 周岁（完全民事行为能力人）</source>
        <translation>The agent must be at least 18 years old (full legal capacity)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="239"/>
        <source>代办人与申请人是同一人：本人办理请取消“代办”</source>
        <translation>The agent and the applicant are the same person: for filing in person, untick “Agent filing”</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="242"/>
        <source>请填写代办人联系电话</source>
        <translation>Enter the agent&apos;s phone number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/agent_panel.py" line="246"/>
        <source>关系选了“其他”，请写明与申请人的关系</source>
        <translation>Relationship is “Other”: state the relationship to the applicant</translation>
    </message>
</context>
<context>
    <name>ApplicantActions</name>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="29"/>
        <source>正在读卡…</source>
        <translation>Reading card…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="40"/>
        <source>已读取代办人证件。</source>
        <translation>Agent&apos;s ID card read.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="60"/>
        <source>证件持有人与预审件申请人不符：已保留预审件，未使用此证件。</source>
        <translation>The card holder is not the pre-application applicant: the pre-application was kept and this card was not used.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="66"/>
        <source>读取的证件不是本案件申请人（%1）的。当前案件尚未受理：放弃它，以此证件开始新的案件吗？（不会保存或上报）</source>
        <translation>This card is not that of this case&apos;s applicant (%1). The case is not accepted yet: abandon it and start a new case with this card? (Nothing is saved or submitted.)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="68"/>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="69"/>
        <source>已保留当前案件，未使用此证件。</source>
        <translation>Kept the current case; this card was not used.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="91"/>
        <source>证件与预审件不符</source>
        <translation>Card does not match the pre-application</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="92"/>
        <source>读取的证件不是预审件申请人（%1）本人。</source>
        <translation>The card read is not that of the pre-application applicant (%1).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="94"/>
        <source>保留预审件 (K)</source>
        <translation>Keep the pre-application (K)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="95"/>
        <source>以此证件重新开始 (R)</source>
        <translation>Start over with this card (R)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="137"/>
        <source>已调取电子证照：%1</source>
        <translation>Electronic licences retrieved: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_actions.py" line="141"/>
        <source>电子证照库暂不可用（%1），材料可改用其他方式</source>
        <translation>The electronic licence service is unavailable (%1); use another way to provide the materials</translation>
    </message>
</context>
<context>
    <name>ApplicantPage</name>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="38"/>
        <source>申请人身份</source>
        <translation>Applicant identity</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="40"/>
        <source>读取身份证 (F2)</source>
        <translation>Read ID card (F2)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="43"/>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="162"/>
        <source>请将身份证放在读卡器上，然后按 F2。</source>
        <translation>Place the ID card on the reader, then press F2.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="47"/>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="118"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="57"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="58"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="61"/>
        <source>对外显示为</source>
        <translation>Shown publicly as</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="62"/>
        <source>证件信息</source>
        <translation>ID details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="66"/>
        <source>电子证照</source>
        <translation>Electronic licence</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="73"/>
        <source>单位申请（法人或其他组织）(&amp;L)</source>
        <translation>Applying as an organisation (legal person or other) (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="75"/>
        <source>申请单位</source>
        <translation>Applying organisation</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="81"/>
        <source>单位名称</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="82"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="83"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="91"/>
        <source>网上预审件：输入或扫描预审码，回车调取</source>
        <translation>Online pre-review: type or scan the pre-review code, press Enter to load</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="118"/>
        <source>经办人</source>
        <translation>Person handling the case</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="181"/>
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="182"/>
        <source>有效期至 %1</source>
        <translation>Valid until %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="186"/>
        <source>已读取证件。</source>
        <translation>ID card read.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="160"/>
        <source>已调取网上预审件，请读取身份证核验本人。</source>
        <translation>Online pre-review loaded; read the ID card to verify the applicant in person.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="219"/>
        <source>请填写申请单位名称</source>
        <translation>Enter the organisation&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="222"/>
        <source>统一社会信用代码：</source>
        <translation>Unified social credit code: </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="224"/>
        <source>请填写法定代表人</source>
        <translation>Enter the legal representative</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="227"/>
        <source>请读取经办人身份证 (F2)</source>
        <translation>Read the handling person&apos;s ID card (F2)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="234"/>
        <source>请填写证件号码或读取身份证</source>
        <translation>Enter the ID number or read the ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/applicant_page.py" line="232"/>
        <source>请填写申请人姓名或读取身份证</source>
        <translation>Enter the applicant&apos;s name or read the ID card</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../desk_app/ui/capture/capture_dialog.py" line="24"/>
        <source>%1 %2 份</source>
        <translation>%1, %2 copies</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_dialog.py" line="42"/>
        <source>拍摄材料</source>
        <translation>Capture materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_dialog.py" line="48"/>
        <source>完成 (Ctrl+Enter)</source>
        <translation>Done (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_dialog.py" line="73"/>
        <source>页数核对</source>
        <translation>Check the page count</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_dialog.py" line="74"/>
        <source>这些页都属于该材料吗？选“否”返回调整。</source>
        <translation>Do all these pages belong to this material? Choose No to go back and adjust.</translation>
    </message>
</context>
<context>
    <name>CaptureMode</name>
    <message>
        <location filename="../../desk_app/ui/capture/capture_slots.py" line="25"/>
        <source>彩色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_slots.py" line="26"/>
        <source>灰度</source>
        <translation>Greyscale</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_slots.py" line="27"/>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/capture_slots.py" line="28"/>
        <source>黑白</source>
        <translation>Black and white</translation>
    </message>
</context>
<context>
    <name>CasePages</name>
    <message>
        <location filename="../../desk_app/ui/steps/case_pages.py" line="124"/>
        <source>请至少选择一个办理事项</source>
        <translation>Choose at least one service item</translation>
    </message>
</context>
<context>
    <name>CasePapers</name>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="49"/>
        <source>不予受理告知单已打印</source>
        <translation>Refusal slip printed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="55"/>
        <source>回执打印失败</source>
        <translation>Receipt printing failed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="57"/>
        <source>案件已保存，可在办件记录中补打回执。</source>
        <translation>The case is saved; the receipt can be reprinted from the case records.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="70"/>
        <source>号票打印失败：%1</source>
        <translation>Queue ticket printing failed: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="75"/>
        <source>号票 %1 已打印</source>
        <translation>Queue ticket %1 printed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/case_papers.py" line="96"/>
        <source>通知书</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <location filename="../../forms/vocabulary.py" line="115"/>
        <source>中心已收件</source>
        <translation>Received by center</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="116"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="117"/>
        <source>审批中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="118"/>
        <source>待补正</source>
        <translation>Correction requested</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="119"/>
        <source>办结（准予许可）</source>
        <translation>Decided (approved)</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="120"/>
        <source>办结（不予许可）</source>
        <translation>Decided (denied)</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="121"/>
        <source>待领取</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="122"/>
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="123"/>
        <source>已寄出</source>
        <translation>Mailed</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="124"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="125"/>
        <source>一次性告知</source>
        <translation>One-time notice given</translation>
    </message>
</context>
<context>
    <name>CheckEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="166"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="31"/>
        <source>确认并受理</source>
        <translation>Confirm and accept</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="40"/>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="114"/>
        <source>申请人确认屏：等待申请人确认</source>
        <translation>Applicant screen: waiting for the applicant to confirm</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="51"/>
        <source>补打回执</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="35"/>
        <source>确认并出具文书</source>
        <translation>Confirm and issue the papers</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="47"/>
        <source>预览并打印通知书</source>
        <translation>Preview and print notice</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="54"/>
        <source>办理下一位</source>
        <translation>Next applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="88"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="89"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="90"/>
        <source>办理事项</source>
        <translation>Service items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="91"/>
        <source>受理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="94"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="99"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="104"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="117"/>
        <source>申请人确认屏：%1</source>
        <translation>Applicant screen: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="124"/>
        <source>临时编号：%1</source>
        <translation>Provisional number: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="125"/>
        <source>案件已安全保存在本机，正在后台上报受理中心…</source>
        <translation>The case is saved safely on this PC and is being reported to the acceptance center in the background…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="128"/>
        <source>办件编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="129"/>
        <source>受理中心已接收。</source>
        <translation>Received by the acceptance center. </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/confirm_page.py" line="131"/>
        <source>承诺办结日期：%1</source>
        <translation>Promised completion date: %1</translation>
    </message>
</context>
<context>
    <name>CustomerLink</name>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_link.py" line="29"/>
        <source>申请人确认屏</source>
        <translation>Applicant screen</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_link.py" line="38"/>
        <source>申请人认为信息有误，请与申请人核对后修改</source>
        <translation>The applicant says something is wrong; check with the applicant and correct it</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_link.py" line="73"/>
        <source>申请人已确认信息，正在签名…</source>
        <translation>The applicant has confirmed the details and is signing…</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="91"/>
        <source>综窗受理台 — 办事群众屏</source>
        <translation>Counter Desk — Applicant screen</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="122"/>
        <source>请出示身份证</source>
        <translation>Please show your ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="124"/>
        <source>工作人员会为您办理，请稍候。</source>
        <translation>The clerk will handle your request; please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="138"/>
        <source>请核对您的办理信息</source>
        <translation>Please check your details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="154"/>
        <source>确认无误</source>
        <translation>All correct</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="157"/>
        <source>有误，请告知工作人员</source>
        <translation>Something is wrong, tell the clerk</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="173"/>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="273"/>
        <source>请在下面的白框里签名</source>
        <translation>Please sign in the white box below</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="180"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="182"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="199"/>
        <source>很抱歉让您不满意。请点选原因，然后点提交评价。</source>
        <translation>We are sorry you were not satisfied. Please tap the reasons, then tap Submit rating.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="204"/>
        <source>谢谢您！</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="206"/>
        <source>请带好您的证件和随身物品。</source>
        <translation>Please take your ID and belongings with you.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="230"/>
        <source>欢迎来到 %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="231"/>
        <source>欢迎办理</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="232"/>
        <source>请 %1 号办理</source>
        <translation>Number %1, please</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="235"/>
        <source>您好，请 %1 号办理。</source>
        <translation>Hello, number %1 please. </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="236"/>
        <source>您好，欢迎办理。</source>
        <translation>Hello and welcome. </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="237"/>
        <source>请出示身份证。</source>
        <translation>Please show your ID card.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="244"/>
        <source>请核对屏幕上的办理信息。没有问题，请点确认无误。</source>
        <translation>Please check the details on the screen. If everything is right, tap All correct.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="248"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="249"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="251"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="253"/>
        <source>代办人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="255"/>
        <source>代办人证件</source>
        <translation>Agent&apos;s ID</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="257"/>
        <source>办理事项</source>
        <translation>Service items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="259"/>
        <source>提交材料</source>
        <translation>Materials submitted</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="262"/>
        <source>承诺办结</source>
        <translation>Promised completion</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="276"/>
        <source>请在屏幕的白框里签名，签好后点完成。</source>
        <translation>Please sign in the white box on the screen, then tap Done.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="280"/>
        <source>请对本次服务作出评价。</source>
        <translation>Please rate our service today.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="283"/>
        <source>谢谢您，请带好证件和随身物品。</source>
        <translation>Thank you. Please take your ID and belongings with you.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="290"/>
        <source>已确认，请稍候。</source>
        <translation>Confirmed, please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="295"/>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="296"/>
        <source>已通知工作人员，请告诉工作人员哪里有误。</source>
        <translation>The clerk has been told; please tell the clerk what is wrong.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="305"/>
        <source>请先签名，再点“完成”</source>
        <translation>Please sign first, then tap “Done”</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/customer_screen.py" line="306"/>
        <source>请先签名，再点完成。</source>
        <translation>Please sign first, then tap Done.</translation>
    </message>
</context>
<context>
    <name>DecisionKind</name>
    <message>
        <location filename="../../forms/vocabulary.py" line="167"/>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="168"/>
        <source>受理（材料齐全）</source>
        <translation>Accept (materials complete)</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="169"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="171"/>
        <source>容缺受理</source>
        <translation>Accept with deferred materials</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="172"/>
        <source>容缺受理（材料后补）</source>
        <translation>Accept with deferred materials</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="173"/>
        <source>容缺受理通知书</source>
        <translation>Notice of acceptance with deferred materials</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="175"/>
        <location filename="../../forms/vocabulary.py" line="176"/>
        <source>告知承诺受理</source>
        <translation>Accept on pledge</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="177"/>
        <source>告知承诺书</source>
        <translation>Pledge of compliance</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="179"/>
        <source>一次性告知（材料不全）</source>
        <translation>One-time notice (materials incomplete)</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="180"/>
        <source>材料不全，一次性告知</source>
        <translation>Materials incomplete: one-time notice</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="181"/>
        <source>一次性告知书</source>
        <translation>One-time notice of missing materials</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="183"/>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="184"/>
        <source>不予受理（须填写理由）</source>
        <translation>Refuse (reason required)</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="185"/>
        <source>不予受理通知书</source>
        <translation>Notice of refusal</translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <location filename="../../desk_app/ui/steps/decision_page.py" line="28"/>
        <source>受理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/decision_page.py" line="44"/>
        <source>理由 / 说明：</source>
        <translation>Reason / notes:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/steps/decision_page.py" line="76"/>
        <source>%n 字（最多 200 字）</source>
        <translation>
            <numerusform>%n character (max. 200)</numerusform>
            <numerusform>%n characters (max. 200)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/decision_page.py" line="86"/>
        <source>不予受理必须填写理由</source>
        <translation>A refusal needs a reason</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/decision_page.py" line="88"/>
        <source>理由不能超过200字</source>
        <translation>The reason may have at most 200 characters</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="109"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="110"/>
        <source>回执打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="111"/>
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="112"/>
        <source>扫描仪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="113"/>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="132"/>
        <source>评价屏</source>
        <translation>Rating screen</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="134"/>
        <source>尚未检测</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/core/hardware/device_kinds.py" line="135"/>
        <source>未配置：请在 machine.toml 的 [devices] 中绑定</source>
        <translation>Not configured: bind it under [devices] in machine.toml</translation>
    </message>
</context>
<context>
    <name>DeviceStrip</name>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="22"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="23"/>
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="24"/>
        <source>扫描仪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="25"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="26"/>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="70"/>
        <source>评价屏：已连接（第二显示器）</source>
        <translation>Applicant screen: connected (second monitor)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="73"/>
        <source>评价屏：未发现第二显示器（Ctrl+Shift+K 以窗口显示）</source>
        <translation>Applicant screen: no second monitor found (Ctrl+Shift+K shows it as a window)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="81"/>
        <source>网页设备服务 %1</source>
        <translation>Device bridge %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="84"/>
        <source>允许的网页来源：%1</source>
        <translation>Allowed web origins: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="87"/>
        <source>网页设备服务未启动</source>
        <translation>Device bridge not running</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="96"/>
        <source>网页 %1 使用了%2</source>
        <translation>Web page %1 used the %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="104"/>
        <source>网页配对</source>
        <translation>Pair a web page</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/device_strip.py" line="105"/>
        <source>网页 %1 申请使用本柜台的设备。

配对码：%2

请技术人员在该网页中输入此配对码（5 分钟内有效）；如无人操作配对，请忽略。</source>
        <translation>Web page %1 asks to use this counter&apos;s devices.

Pairing code: %2

A technician types this code into that page (valid for 5 minutes); if nobody is pairing, ignore this.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="32"/>
        <source>手机 11 位或 区号-座机号</source>
        <translation>Mobile (11 digits) or area code-landline</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="33"/>
        <source>18 位公民身份号码</source>
        <translation>18-character citizen ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="34"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="35"/>
        <source>输入区县名称，如 雁塔区</source>
        <translation>Type a district name, e.g. Yanta District</translation>
    </message>
</context>
<context>
    <name>FormHost</name>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="89"/>
        <source>持证人已填为母亲，换为父亲</source>
        <translation>Card holder entered as mother: make them the father</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="90"/>
        <source>持证人已填为父亲，换为母亲</source>
        <translation>Card holder entered as father: make them the mother</translation>
    </message>
</context>
<context>
    <name>FormSession</name>
    <message>
        <location filename="../../forms/form_session.py" line="36"/>
        <source>请填写「%1」</source>
        <translation>Please fill in “%1”</translation>
    </message>
    <message>
        <location filename="../../forms/form_session.py" line="37"/>
        <source>请选择「%1」</source>
        <translation>Please choose “%1”</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="56"/>
        <source>读卡</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="58"/>
        <source>代办人证件</source>
        <translation>Agent&apos;s ID</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="60"/>
        <source>电子证照：%1</source>
        <translation>Electronic licence: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="63"/>
        <source>上次办件</source>
        <translation>Previous case</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="65"/>
        <source>自动计算</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="67"/>
        <source>已手工修改</source>
        <translation>Edited by hand</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="95"/>
        <source>填写申请表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="137"/>
        <source>填写申请表：</source>
        <translation>Application form: </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="140"/>
        <source>一表申请：{n} 项共用信息只需填写一次</source>
        <translation>One form for all items: {n} shared fields are filled in only once</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="167"/>
        <source>共用信息（各事项只填一次）</source>
        <translation>Shared information (filled in once for all items)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="246"/>
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="361"/>
        <source>尚未选择办理事项</source>
        <translation>No service item selected yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_view.py" line="370"/>
        <source>「%1」%2</source>
        <translation>“%1”: %2</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="45"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="46"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="47"/>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="58"/>
        <source>已打印到 %1</source>
        <translation>Printed to %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="71"/>
        <source>出件 — 领取办理结果</source>
        <translation>Hand-out — collecting the result</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="82"/>
        <source>申请人本人领取</source>
        <translation>Applicant in person</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="83"/>
        <source>他人代领</source>
        <translation>Collected by an agent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="90"/>
        <source>读取领取人证件</source>
        <translation>Read the collector&apos;s ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="92"/>
        <source>尚未读取领取人证件</source>
        <translation>The collector&apos;s ID card has not been read</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="98"/>
        <source>添加授权委托书（扫描件）</source>
        <translation>Add the letter of authorisation (scan)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="208"/>
        <source>已拍摄授权委托书（%1 KB），可重拍</source>
        <translation>Power of attorney captured (%1 KB); you can retake it</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="228"/>
        <source>未连接申请人屏，无法签名</source>
        <translation>No applicant screen connected: cannot sign</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="230"/>
        <source>领取办理结果：%1
办件编号 %2
请领取人核对后在下面签名</source>
        <translation>Collecting the result: %1
Case number %2
Please check and sign below</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="233"/>
        <source>请领取人在对面屏幕上签名…</source>
        <translation>Waiting for the collector to sign on the applicant screen…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="239"/>
        <source>领取人已签名 ✓</source>
        <translation>Collector has signed ✓</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="264"/>
        <source>已出件（%1）。已记录在本机，联网后自动上报中心。</source>
        <translation>Handed over (%1). Recorded here; sent to the center when online.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="265"/>
        <source>已出件（%1），中心已登记。</source>
        <translation>Handed over (%1); recorded by the center.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="288"/>
        <source>领取凭证已打印到 %1</source>
        <translation>Collection slip printed on %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="96"/>
        <source>高拍仪拍摄授权委托书</source>
        <translation>Capture the letter with the document camera</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="124"/>
        <source>确认出件</source>
        <translation>Confirm hand-out</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="128"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="195"/>
        <source>未绑定高拍仪，请添加扫描件</source>
        <translation>No document camera bound: add a scan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="157"/>
        <source>正在读卡…</source>
        <translation>Reading card…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="105"/>
        <source>请领取人在申请人屏上签名</source>
        <translation>Ask the collector to sign on the applicant screen</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="120"/>
        <source>重打领取凭证</source>
        <translation>Reprint collection slip</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="165"/>
        <source>领取人：%1</source>
        <translation>Collector: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="202"/>
        <source>选择授权委托书</source>
        <translation>Choose the letter of authorisation</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="202"/>
        <source>扫描件 (*.pdf *.jpg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.png)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="293"/>
        <source>领 取 凭 证</source>
        <translation>COLLECTION SLIP</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="294"/>
        <source>办件编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="295"/>
        <source>事项：%1</source>
        <translation>Items: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="296"/>
        <source>申请人：%1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="297"/>
        <source>领取人：%1（%2）</source>
        <translation>Collector: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="298"/>
        <source>代领</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="298"/>
        <source>本人</source>
        <translation>in person</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="299"/>
        <source>领取人已在屏幕上签名确认</source>
        <translation>The collector signed on the screen</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="300"/>
        <source>领取时间：%1</source>
        <translation>Collected at: %1</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../devices/cards/identity.py" line="43"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="44"/>
        <source>港澳台居民居住证</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="45"/>
        <source>外国人永久居留身份证（旧版）</source>
        <translation>Foreigner&apos;s permanent residence ID card (old)</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="46"/>
        <source>外国人永久居留身份证（2023版）</source>
        <translation>Foreigner&apos;s permanent residence ID card (2023)</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="47"/>
        <source>社会保障卡</source>
        <translation>Social security card</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="50"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="50"/>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="51"/>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="51"/>
        <source>未说明</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="52"/>
        <source>证件已过期（有效期至 %1），请申请人提供有效证件</source>
        <translation>The card has expired (valid until %1): ask the applicant for a valid card</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="53"/>
        <source>证件尚未生效（%1 起有效），请核对</source>
        <translation>The card is not valid yet (valid from %1): please check</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="54"/>
        <source>证件号码校验不通过，请核对原件或人工录入</source>
        <translation>The ID number fails its check digit: check the original or type it in</translation>
    </message>
    <message>
        <location filename="../../devices/cards/identity.py" line="55"/>
        <source>民族代码无法识别，请人工核对</source>
        <translation>Unknown ethnic group code: please check by hand</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="118"/>
        <source>当前登录：%1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="179"/>
        <source>密码错误，请重试</source>
        <translation>Wrong password, please try again</translation>
    </message>
</context>
<context>
    <name>ItemPickerPage</name>
    <message>
        <location filename="../../desk_app/ui/steps/item_picker_page.py" line="32"/>
        <source>选择办理事项</source>
        <translation>Choose service items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/item_picker_page.py" line="35"/>
        <source>输入事项名称、编码、拼音或首字母，回车选中</source>
        <translation>Type an item&apos;s name, code, pinyin or initials; press Enter to choose</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/item_picker_page.py" line="43"/>
        <source>↑↓ 选择，回车选中并进入表单；%1 选中后继续选择其他事项；Delete 移除已选事项。</source>
        <translation>↑↓ to choose, Enter takes it and opens the form; %1 takes it and keeps choosing; Delete removes a chosen item.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/item_picker_page.py" line="51"/>
        <source>本次办理：</source>
        <translation>This case: </translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="65"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="67"/>
        <source>长时间无操作，受理台已锁定。请输入密码解锁。</source>
        <translation>The desk was locked after a period of inactivity. Enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="72"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="77"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/idle_lock.py" line="80"/>
        <source>切换工号</source>
        <translation>Switch clerk</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="27"/>
        <source>综窗受理台 — 登录</source>
        <translation>Counter Desk — Sign in</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="34"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="35"/>
        <source>受理中心</source>
        <translation>Acceptance center</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="35"/>
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="36"/>
        <source>工号</source>
        <translation>Clerk ID</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="37"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/login_dialog.py" line="65"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="310"/>
        <source>邮寄办理结果</source>
        <translation>Mail the result</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="318"/>
        <source>输入或扫描运单条码</source>
        <translation>Type or scan the waybill barcode</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="320"/>
        <source>快递公司</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="321"/>
        <source>运单号</source>
        <translation>Waybill number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="329"/>
        <source>重打面单</source>
        <translation>Reprint address label</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="359"/>
        <source>已登记寄出，运单号 %1。已记录在本机，联网后自动上报中心。</source>
        <translation>Mailing recorded, waybill %1. Recorded here; sent to the center when online.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="360"/>
        <source>已登记寄出，运单号 %1，中心已登记。</source>
        <translation>Mailing recorded, waybill %1; recorded by the center.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="368"/>
        <source>面单已打印到 %1</source>
        <translation>Address label printed on %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="334"/>
        <source>确认寄出</source>
        <translation>Confirm mailing</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="336"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/handover_dialog.py" line="363"/>
        <source>本机已无该件的地址，请手写面单</source>
        <translation>This machine no longer holds the address: write the label by hand</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="60"/>
        <source>综窗受理台 — %1 %2</source>
        <translation>Counter Desk — %1 %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="66"/>
        <source>① 申请人</source>
        <translation>① Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="66"/>
        <source>② 事项</source>
        <translation>② Items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="66"/>
        <source>③ 表单</source>
        <translation>③ Form</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="67"/>
        <source>④ 材料</source>
        <translation>④ Materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="67"/>
        <source>⑤ 决定</source>
        <translation>⑤ Decision</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="67"/>
        <source>⑥ 确认受理</source>
        <translation>⑥ Confirm</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="81"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="82"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="94"/>
        <source>上报队列</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="204"/>
        <source>申请人已确认并签名</source>
        <translation>The applicant has confirmed and signed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="225"/>
        <source>放弃当前案件</source>
        <translation>Abandon the current case</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/main_window.py" line="223"/>
        <source>当前案件尚未受理。放弃它并开始新的案件吗？（不会保存或上报）</source>
        <translation>The current case is not accepted yet. Abandon it and start a new case? (Nothing is saved or reported)</translation>
    </message>
</context>
<context>
    <name>MaterialForm</name>
    <message>
        <location filename="../../forms/vocabulary.py" line="75"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="76"/>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="77"/>
        <source>原件或复印件</source>
        <translation>Original or copy</translation>
    </message>
</context>
<context>
    <name>MaterialMode</name>
    <message>
        <location filename="../../forms/vocabulary.py" line="50"/>
        <source>纸质收取</source>
        <translation>Paper, received</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="51"/>
        <source>现场扫描</source>
        <translation>Scanned at the counter</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="52"/>
        <source>申请人文件</source>
        <translation>Applicant&apos;s file</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="53"/>
        <source>电子证照</source>
        <translation>Electronic licence</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="54"/>
        <source>共享核验</source>
        <translation>Shared-data check</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="55"/>
        <source>告知承诺</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="56"/>
        <source>容缺后补</source>
        <translation>Deferred, supplied later</translation>
    </message>
    <message>
        <location filename="../../forms/vocabulary.py" line="59"/>
        <source>免于提交（%1）</source>
        <translation>Not needed (%1)</translation>
    </message>
</context>
<context>
    <name>MaterialsHost</name>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="144"/>
        <source>拍摄/导入选定为扫描的材料 (F4)</source>
        <translation>Capture/import materials set to scan (F4)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="217"/>
        <source>已调取电子证照，免交：%1</source>
        <translation>Electronic licences retrieved, not needed on paper: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="219"/>
        <source>待拍摄：%1</source>
        <translation>Still to capture: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="243"/>
        <source>材料未齐：%1。请选择容缺受理或一次性告知</source>
        <translation>Materials missing: %1. Choose accept with deferred materials or one-time notice</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="247"/>
        <source>容缺受理须至少把一项材料标为“容缺后补”（在材料步骤选择）</source>
        <translation>Accepting with deferred materials needs at least one material marked “deferred” (choose it in the materials step)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="250"/>
        <source>以下材料选择了扫描/上传，但还没有拍摄或导入：%1（在材料步骤按 F4）</source>
        <translation>These materials are set to scan/upload but have not been captured or imported yet: %1 (press F4 in the Materials step)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="267"/>
        <source>未提供</source>
        <translation>Not provided</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="269"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/step_hosts.py" line="270"/>
        <source>（%1页）</source>
        <translation> (%1 pages)</translation>
    </message>
</context>
<context>
    <name>MaterialsScreen</name>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="150"/>
        <source>未绑定高拍仪：请按 F7 扫描，或导入文件</source>
        <translation>No document camera set up: press F7 to scan, or import files</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="152"/>
        <source>未绑定高拍仪：请导入文件</source>
        <translation>No document camera set up: import files instead</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="187"/>
        <source>拍摄（空格 / F8）</source>
        <translation>Capture (Space / F8)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="189"/>
        <source>自动拍摄</source>
        <translation>Auto capture</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="191"/>
        <source>使用整幅画面</source>
        <translation>Use whole frame</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="194"/>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="196"/>
        <source>扫描 (F7)</source>
        <translation>Scan (F7)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="199"/>
        <source>进纸器：整叠</source>
        <translation>Feeder: whole stack</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="200"/>
        <source>平板：单页</source>
        <translation>Flatbed: one page</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="208"/>
        <source>图像模式</source>
        <translation>Image mode</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="229"/>
        <source>前移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="230"/>
        <source>后移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="231"/>
        <source>旋转</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="232"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="233"/>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="241"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="249"/>
        <source>已拍页面</source>
        <translation>Captured pages</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="287"/>
        <source>要求：{0}
可用方式：{1}</source>
        <translation>Requirement: {0}
Accepted ways: {1}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="318"/>
        <source>已采集 {0} 页</source>
        <translation>{0} pages captured</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="318"/>
        <source>未采集</source>
        <translation>Not captured</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="330"/>
        <source>该材料不能拍摄，请导入文件或选择其他方式</source>
        <translation>This material cannot be captured; import a file or choose another way</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="332"/>
        <source>正在拍摄…</source>
        <translation>Capturing…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="338"/>
        <source>该材料不能扫描，请导入文件或选择其他方式</source>
        <translation>This material cannot be scanned: import a file or choose another way</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="340"/>
        <source>正在扫描…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="347"/>
        <source>（已保留扫描好的 {0} 页）</source>
        <translation> (the {0} pages scanned so far are kept)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="351"/>
        <source>扫描完成：{0} 页</source>
        <translation>Scan finished: {0} pages</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="358"/>
        <source>正在导入 {0} 个文件…</source>
        <translation>Importing {0} files…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="364"/>
        <source>导入材料文件</source>
        <translation>Import material files</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="366"/>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.heic *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.heic *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="381"/>
        <source>已拍第 {0} 页（{1} KB）</source>
        <translation>Captured page {0} ({1} KB)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="424"/>
        <source>重拍第 {0} 页：放好材料后按空格</source>
        <translation>Retake page {0}: place the material, then press Space</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="442"/>
        <source>第 {0} 页</source>
        <translation>Page {0}</translation>
    </message>
</context>
<context>
    <name>MaterialsView</name>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="44"/>
        <source>收取材料</source>
        <translation>Collect materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="48"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="48"/>
        <source>用于事项</source>
        <translation>For item</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="48"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="48"/>
        <source>提供方式</source>
        <translation>Provided as</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="49"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="49"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="84"/>
        <source>（未提供）</source>
        <translation>(not provided)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="88"/>
        <source>：%1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="90"/>
        <source>（{n} 个工作日内）</source>
        <translation>(within {n} working days)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="187"/>
        <source>需提供 {r} 项，尚缺 {m} 项，免提交 {e} 项</source>
        <translation>{r} required, {m} missing, {e} exempt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/ui/steps/form_materials.py" line="198"/>
        <source>%n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="202"/>
        <source>本次无需提供</source>
        <translation>Not needed this time</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="204"/>
        <source>容缺，须于 {d} 前补交</source>
        <translation>Deferred: submit by {d}</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/steps/form_materials.py" line="206"/>
        <source>证照号：</source>
        <translation>Licence no.: </translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="78"/>
        <source>上报队列</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="105"/>
        <source>重新登录</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="122"/>
        <source>尝试次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="122"/>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="123"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="124"/>
        <source>中心退回原因</source>
        <translation>Center&apos;s reason for return</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="125"/>
        <source>正式编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="125"/>
        <source>中心状态</source>
        <translation>Center status</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="125"/>
        <source>承诺办结日期</source>
        <translation>Promised completion date</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="127"/>
        <source>临时编号</source>
        <translation>Provisional number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="127"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="127"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="127"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="128"/>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="128"/>
        <source>受理时间</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="148"/>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="216"/>
        <source>当前没有正在上传的材料</source>
        <translation>No materials are uploading right now</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="164"/>
        <source>查看/更正所选 (Enter)</source>
        <translation>View/correct selected (Enter)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="165"/>
        <source>立即重试所选</source>
        <translation>Retry selected now</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="166"/>
        <source>全部立即重试</source>
        <translation>Retry all now</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="167"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="207"/>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="389"/>
        <source>待上报</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="207"/>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="389"/>
        <source>上报中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="208"/>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="390"/>
        <source>需处理</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="208"/>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="390"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="223"/>
        <source>上报已暂停：%1。已受理的办件都安全保存在本机，重新登录后自动继续上报。</source>
        <translation>Reporting paused: %1. Accepted cases are all saved safely on this PC; reporting resumes after you sign in again.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="225"/>
        <source>上报已暂停</source>
        <translation>Reporting paused</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="227"/>
        <source>网络正常：办件自动上报</source>
        <translation>Online: cases are reported automatically</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="229"/>
        <source>没有待上报的办件</source>
        <translation>No cases waiting to be reported</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="231"/>
        <source>离线：办件暂存本机，网络恢复后自动上报</source>
        <translation>Offline: cases are kept on this PC and reported when the network is back</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="233"/>
        <source>尚未与中心联系成功</source>
        <translation>No contact with the center yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="236"/>
        <source>最近一次成功联系中心：%1</source>
        <translation>Last successful contact with the center: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="242"/>
        <source>正在上传 %1 的材料：%2 / %3 KB</source>
        <translation>Uploading materials of %1: %2 / %3 KB</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="258"/>
        <source>（个人信息已清除）</source>
        <translation>(personal data erased)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="259"/>
        <source>（本机无此办件资料）</source>
        <translation>(no data for this case on this PC)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="261"/>
        <source>（本机数据无法读取）</source>
        <translation>(local data cannot be read)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="267"/>
        <source>办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="267"/>
        <source>补交材料</source>
        <translation>Supplementary materials</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="268"/>
        <source>好差评</source>
        <translation>Service rating</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="272"/>
        <source>等待上报</source>
        <translation>Waiting to be reported</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="275"/>
        <source>上传中…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="277"/>
        <source>中心未说明原因</source>
        <translation>The center gave no reason</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="336"/>
        <source>请先在“待上报”或“需处理”中选中一件。</source>
        <translation>First select a case under “Queued” or “Needs attention”.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="343"/>
        <source>已安排立即重试。</source>
        <translation>Retry scheduled now.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="348"/>
        <source>已安排 %1 件立即重试。</source>
        <translation>Retry scheduled now for %1 cases.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="352"/>
        <source>队列中的办件不会被删除：需处理的办件请选中后按 Enter 更正并重新提交。</source>
        <translation>Cases in the outbox are never deleted: select a case that needs attention and press Enter to correct and resubmit it.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="362"/>
        <source>请先选中一件。</source>
        <translation>Select a case first.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="382"/>
        <source>办件情况</source>
        <translation>Case details</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="392"/>
        <source>临时编号：%1</source>
        <translation>Provisional number: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="393"/>
        <source>申请人：%1 %2</source>
        <translation>Applicant: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="394"/>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="397"/>
        <source>正式编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="399"/>
        <source>承诺办结日期：%1</source>
        <translation>Promised completion date: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="401"/>
        <source>最近情况：%1</source>
        <translation>Latest: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/outbox_panel.py" line="407"/>
        <source>已更正并重新排队上报。</source>
        <translation>Corrected and queued for reporting again.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="78"/>
        <source>正在打开高拍仪…</source>
        <translation>Opening the document camera…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/capture/materials_screen.py" line="93"/>
        <source>已保存的页面（裁切后）</source>
        <translation>Page kept (as cut)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="86"/>
        <source>打印预览：%1</source>
        <translation>Print preview: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="101"/>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="103"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="104"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="106"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="121"/>
        <source>打印通知书</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="129"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="132"/>
        <source>已发送到打印机：%1 页</source>
        <translation>Sent to printer: %1 pages</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="137"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="137"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="148"/>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="149"/>
        <source>无法保存到 %1：%2</source>
        <translation>Cannot save to %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/print_preview.py" line="154"/>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="35"/>
        <source>综合受理</source>
        <translation>General services</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="35"/>
        <source>取件</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="36"/>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="36"/>
        <source>帮办代办</source>
        <translation>Assisted filing</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="71"/>
        <source>当前叫号</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="72"/>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="159"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="75"/>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="301"/>
        <source>按 F5 叫下一位。</source>
        <translation>Press F5 to call the next number.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="79"/>
        <source>叫号 (F5)</source>
        <translation>Call next (F5)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="81"/>
        <source>重呼 (F6)</source>
        <translation>Recall (F6)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="82"/>
        <source>过号 (F7)</source>
        <translation>Skip (F7)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="83"/>
        <source>转移 (F8)</source>
        <translation>Transfer (F8)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="84"/>
        <source>取号 (F9)</source>
        <translation>Take ticket (F9)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="105"/>
        <source>转到哪个窗口</source>
        <translation>Transfer to which window</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="107"/>
        <source>确定转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="109"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="113"/>
        <source>转到窗口</source>
        <translation>To window</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="125"/>
        <source>手工输入票号，如 A012</source>
        <translation>Type a ticket number, e.g. A012</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="127"/>
        <source>使用此票号</source>
        <translation>Use this ticket</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="193"/>
        <source>叫号系统连不上受理中心。可在下面手工输入群众手中的票号继续办理，网络恢复后再按 F5 叫号。</source>
        <translation>The queue system cannot reach the acceptance center. Type the number on the applicant&apos;s ticket below to carry on; press F5 to call next once the network is back.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="197"/>
        <source>叫号操作失败（%1），请重试或手工输入票号。</source>
        <translation>Calling failed (%1); try again or type the ticket number.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="204"/>
        <source>目前没有等候的群众。</source>
        <translation>Nobody is waiting right now.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="208"/>
        <source>叫号系统的应答里没有票号，请重试或手工输入票号。</source>
        <translation>The queue system&apos;s answer had no ticket number; try again or type the ticket number.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="210"/>
        <source>请 %1 号到本窗口办理。</source>
        <translation>Number %1, please come to this window.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="212"/>
        <source>正在叫号…</source>
        <translation>Calling…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="226"/>
        <source>已重呼 %1 号（第 %2 次）。</source>
        <translation>Recalled number %1 (recall no. %2).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="237"/>
        <source>%1 号已过号；按 F5 叫下一位。</source>
        <translation>Number %1 skipped; press F5 to call the next number.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="257"/>
        <source>请先选择或输入要转到的窗口。</source>
        <translation>First choose or type the window to transfer to.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="260"/>
        <source>不能转到本窗口，请选择其他窗口。</source>
        <translation>Cannot transfer to this window; choose another window.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="265"/>
        <source>%1 号已转到 %2 窗口。</source>
        <translation>Number %1 transferred to window %2.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="279"/>
        <source>已取号 %1（%2，前面还有 %3 人）。</source>
        <translation>Ticket %1 taken (%2, %3 waiting ahead).</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="291"/>
        <source>票号应为一个字母加数字，如 A012；请照群众手中的票填写。</source>
        <translation>A ticket number is one letter followed by digits, e.g. A012; copy it from the applicant&apos;s ticket.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/queue/queue_panel.py" line="294"/>
        <source>已按手工票号 %1 办理。</source>
        <translation>Serving typed ticket number %1.</translation>
    </message>
</context>
<context>
    <name>RatingView</name>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="35"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="36"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="37"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="38"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="39"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="105"/>
        <source>等候时间太长</source>
        <translation>Waited too long</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="105"/>
        <source>办理速度慢</source>
        <translation>Slow service</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="105"/>
        <source>工作人员态度不好</source>
        <translation>Unfriendly staff</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="106"/>
        <source>业务不熟、解释不清</source>
        <translation>Staff unsure, unclear explanations</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="106"/>
        <source>材料要求太多</source>
        <translation>Too many materials required</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="106"/>
        <source>需要来回跑</source>
        <translation>Had to come back several times</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="107"/>
        <source>设备或系统出故障</source>
        <translation>Equipment or system failure</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="112"/>
        <source>请您对本次服务作出评价</source>
        <translation>Please rate our service today</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="119"/>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="119"/>
        <source>业务能力</source>
        <translation>Competence</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="120"/>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="128"/>
        <source>点一下您的总体感受；下面三项可以再细调。</source>
        <translation>Tap your overall impression; you can fine-tune the three items below.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="131"/>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="177"/>
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="157"/>
        <source>很抱歉让您不满意，请告诉我们原因（可多选）</source>
        <translation>We are sorry you were not satisfied. Please tell us why (choose any)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="171"/>
        <source>其他原因，可以在这里写</source>
        <translation>Other reasons, write them here</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="175"/>
        <source>返回修改</source>
        <translation>Go back</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/applicant_screen/rating_view.py" line="225"/>
        <source>请至少选择一项原因，或写下原因</source>
        <translation>Choose at least one reason, or write one</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../desk_app/ui/papers/receipt_dialog.py" line="16"/>
        <source>收件回执预览</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/receipt_dialog.py" line="25"/>
        <source>已发送到：%1</source>
        <translation>Sent to: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/papers/receipt_dialog.py" line="25"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ResubmitDialog</name>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="96"/>
        <source>更正后重新提交 — %1</source>
        <translation>Correct and resubmit — %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="103"/>
        <source>中心退回原因</source>
        <translation>Center&apos;s reason for return</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="107"/>
        <source>中心未说明原因</source>
        <translation>The center gave no reason</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="114"/>
        <source>办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="117"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="126"/>
        <source>事项编码 %1</source>
        <translation>Item code %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="135"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="136"/>
        <source>联系地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="139"/>
        <source>表单内容（双击值进行修改）</source>
        <translation>Form contents (double-click a value to edit)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="144"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="144"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="159"/>
        <source>本办件没有表单字段。</source>
        <translation>This case has no form fields.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="169"/>
        <source>更正后重新提交</source>
        <translation>Correct and resubmit</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="171"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="193"/>
        <source>事项编码 %1 不能为空。</source>
        <translation>Item code %1 must not be empty.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="195"/>
        <source>事项编码重复：%1</source>
        <translation>Duplicate item code: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/outbox/resubmit_dialog.py" line="209"/>
        <source>表单字段“%1”的值%2：请按原来的格式填写（例如 %3）。</source>
        <translation>Form field “%1”: value %2; use the original format (e.g. %3).</translation>
    </message>
</context>
<context>
    <name>SelectEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_editors.py" line="125"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="33"/>
        <source>上报已暂停：%1</source>
        <translation>Reporting paused: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="37"/>
        <source>网络正常</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="40"/>
        <source>离线：案件暂存本机，恢复后自动上报</source>
        <translation>Offline: cases are kept on this PC and reported when back online</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="42"/>
        <source>待上报 %1 · 上报中 %2 · 需处理 %3 · 已完成 %4</source>
        <translation>Queued %1 · Sending %2 · Needs attention %3 · Done %4</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="46"/>
        <source> · 最近联系 %1</source>
        <translation> · Last contact %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/status_panel.py" line="62"/>
        <source>%1：未配置</source>
        <translation>%1: not configured</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="38"/>
        <source>容缺材料补交</source>
        <translation>Supplying a deferred material</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="45"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="48"/>
        <source>（已逾期）</source>
        <translation> (past due)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="50"/>
        <source>补交材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="53"/>
        <source>高拍仪拍摄</source>
        <translation>Capture with document camera</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="55"/>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="96"/>
        <source>选择扫描件</source>
        <translation>Choose a scan</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="60"/>
        <source>尚未采集补交材料</source>
        <translation>The material has not been captured yet</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="68"/>
        <source>封存补交</source>
        <translation>Seal the supplement</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="71"/>
        <source>打印补交回执</source>
        <translation>Print supplement receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="74"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="83"/>
        <source>已采集（%1 KB），请核对后封存</source>
        <translation>Captured (%1 KB); check it, then seal</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="89"/>
        <source>未绑定高拍仪，请用“选择扫描件”</source>
        <translation>No document camera bound: use “Choose a scan”</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="96"/>
        <source>扫描件 (*.pdf *.jpg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.png)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="108"/>
        <source>已封存，将随上报队列发送到受理中心</source>
        <translation>Sealed; it goes to the center with the outbox</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/supplement_dialog.py" line="122"/>
        <source>补交回执已打印到 %1</source>
        <translation>Supplement receipt printed to %1</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desk_app/ui/widgets/field_table.py" line="33"/>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/field_table.py" line="34"/>
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="47"/>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="132"/>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="140"/>
        <source>安装更新</source>
        <translation>Install update</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="92"/>
        <source>有新版本 %1</source>
        <translation>Version %1 available</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="103"/>
        <source>更新检查未成功</source>
        <translation>Update check failed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="104"/>
        <source>检查更新时出错，请联系技术人员。</source>
        <translation>The update check went wrong; please call a technician.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="114"/>
        <source>请在空闲时再安装。</source>
        <translation> Install it when the desk is idle.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="127"/>
        <source>已安装 %1，重新打开受理台后生效</source>
        <translation>%1 installed; it runs after the desk is reopened</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="133"/>
        <source>安装新版本 %1？安装后受理台会关闭，重新打开即为新版本。</source>
        <translation>Install version %1? The desk closes afterwards; reopen it to run the new version.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="141"/>
        <source>已安装 %1，受理台现在关闭，请重新打开。</source>
        <translation>%1 is installed. The desk closes now; please reopen it.</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="148"/>
        <source>新版本 %1 已下载</source>
        <translation>Version %1 downloaded</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/shell/update_notice.py" line="149"/>
        <source>已验证签名。空闲时（没有正在受理的案件）可点“安装更新”。</source>
        <translation>Signature verified. When no case is open, click “Install update”.</translation>
    </message>
</context>
<context>
    <name>WindowCasesPanel</name>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="32"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="33"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="34"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="35"/>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="100"/>
        <source>容缺待补</source>
        <translation>Deferred materials owed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="36"/>
        <source>待领取</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="37"/>
        <source>已出件</source>
        <translation>Handed out</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="60"/>
        <source>本窗口办件</source>
        <translation>This window&apos;s cases</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="70"/>
        <source>已取得正式编号</source>
        <translation>official number received</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="79"/>
        <source>输入或扫描办件编号 / 回执二维码，回车查找</source>
        <translation>Type or scan a case number / receipt QR, Enter to find</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="81"/>
        <source>高拍仪识码</source>
        <translation>Read code with document camera</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="83"/>
        <source>读卡查找</source>
        <translation>Find by ID card</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="89"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="99"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="99"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="99"/>
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="99"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="100"/>
        <source>承诺办结</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="100"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="112"/>
        <source>出件（领取）</source>
        <translation>Hand out (collect)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="113"/>
        <source>邮寄</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="114"/>
        <source>容缺补交</source>
        <translation>Supply deferred material</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="115"/>
        <source>补打回执</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="130"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="140"/>
        <source>读取办件失败：%1</source>
        <translation>Could not load the cases: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="156"/>
        <source>本窗口没有找到该办件</source>
        <translation>No such case at this window</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="158"/>
        <source>本窗口办件（共 %1 件，超期 %2 件）</source>
        <translation>This window&apos;s cases (%1 in all, %2 overdue)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="165"/>
        <source>超期 %1 个工作日</source>
        <translation>%1 working days overdue</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="168"/>
        <source>，已逾期</source>
        <translation>, past due</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="170"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="173"/>
        <source>%1（临时）</source>
        <translation>%1 (provisional)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="175"/>
        <source>（%1 窗口）</source>
        <translation> (window %1)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="177"/>
        <source>（待上报）</source>
        <translation> (not yet sent)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="202"/>
        <source>办件 %1：%2</source>
        <translation>Case %1: %2</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="211"/>
        <source>正在读卡…</source>
        <translation>Reading card…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="223"/>
        <source>该申请人在本大厅有 %1 件在办办件</source>
        <translation>This applicant has %1 open case(s) in this hall</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="224"/>
        <source>中心暂时连不上：该申请人在本机有 %1 件在办办件</source>
        <translation>Center unreachable: this applicant has %1 open case(s) on this desk</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="231"/>
        <source>请将回执二维码放在高拍仪下…</source>
        <translation>Place the receipt&apos;s QR code under the document camera…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="235"/>
        <source>没有识别到二维码，请摆正回执后重试</source>
        <translation>No QR code found: straighten the receipt and try again</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="271"/>
        <source>（未打印）</source>
        <translation>(not printed)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_cases_panel.py" line="273"/>
        <source>已补打回执 %1：%2 %3</source>
        <translation>Receipt of %1 reprinted: %2 %3</translation>
    </message>
</context>
<context>
    <name>WindowDashboard</name>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="27"/>
        <source>窗口概况</source>
        <translation>Window overview</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="33"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="40"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="40"/>
        <source>今日受理</source>
        <translation>Accepted today</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="40"/>
        <source>在办</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="40"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="41"/>
        <source>容缺待补</source>
        <translation>Deferred materials owed</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="41"/>
        <source>今日出件</source>
        <translation>Handed out today</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="41"/>
        <source>评价均分</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="54"/>
        <source>无法取得窗口概况：%1</source>
        <translation>Could not load the overview: %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="60"/>
        <source>%1 的窗口概况</source>
        <translation>Window overview for %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/after_acceptance/window_dashboard.py" line="68"/>
        <source>共 %1 个窗口</source>
        <translation>%1 window(s)</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../desk_app/ui/widgets/words.py" line="20"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/widgets/words.py" line="77"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
</TS>

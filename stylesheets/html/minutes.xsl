<?xml version="1.0" encoding="UTF-8"?>
<!-- minutes.xsl: the HTML page for a compiled minutes tree (header, attendance, numbered items, decisions, actions, register). -->
<!--
  Everything printed comes from the compiled tree (see common.xsl): item
  numbers from @c:number, names from @c:name / @c:owner-names, dates from
  the c:*-display attributes, the closing table from c:register.
  Layout: one <section> per titled item with its number in a hanging
  column (classes hang-narrow/-medium/-wide on <main> size that column);
  decisions and actions are set off by the CSS in csdoc.css.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:minutes s:meeting s:item"/>

  <!-- Top-level items by their printed number, for the register's links. -->
  <xsl:key name="item-by-number" match="s:minutes/s:item" use="@c:number"/>
  <!-- Attendees of one list by organisation (layout by-organisation). -->
  <xsl:key name="attendee-by-org" match="s:attendee"
      use="concat(generate-id(..), '|', @c:org-name)"/>

  <xsl:variable name="draft" select="/s:minutes/@c:status = 'draft'"/>

  <!-- ============================================================ page -->

  <xsl:template match="/s:minutes">
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="@c:lang"/>
      <xsl:with-param name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="@c:date-display"/>
      </xsl:with-param>
      <xsl:with-param name="body-class">
        <xsl:text>minutes</xsl:text>
        <xsl:if test="$draft"> draft</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="header">
        <xsl:call-template name="title-block"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <div>
          <xsl:attribute name="class">
            <xsl:text>minutes-body </xsl:text>
            <xsl:call-template name="hang-class"/>
          </xsl:attribute>
          <xsl:apply-templates select="s:attendance | s:item | s:next-meeting"/>
          <xsl:apply-templates select="c:register"/>
          <xsl:apply-templates select="s:footnotes"/>
          <xsl:apply-templates select="s:glossary"/>
        </div>
      </xsl:with-param>
      <xsl:with-param name="footer">
        <p>
          <xsl:value-of select="@c:title"/>
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@c:date-display"/>
          <xsl:text>. </xsl:text>
          <xsl:choose>
            <xsl:when test="$draft">Draft: not yet approved.</xsl:when>
            <xsl:otherwise>Approved minutes.</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@c:generator">
            <xsl:text> Produced with </xsl:text>
            <xsl:value-of select="@c:generator"/>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The width of the hanging number column, from the longest top-level
       number ("7." narrow, "38/10" medium, "Item 10" or "51/2010" wide). -->
  <xsl:template name="hang-class">
    <xsl:choose>
      <xsl:when test="s:item[string-length(@c:number) &gt; 5]">hang-wide</xsl:when>
      <xsl:when test="s:item[string-length(@c:number) &gt; 3]">hang-medium</xsl:when>
      <xsl:otherwise>hang-narrow</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page header: draft banner, partnership, title, the body where
       the title does not name it, then date, time, venue and chair. -->
  <xsl:template name="title-block">
    <xsl:variable name="m" select="s:meeting"/>
    <xsl:if test="$draft">
      <p class="draft-banner"><strong>Draft</strong> – these minutes have not yet been approved.</p>
    </xsl:if>
    <xsl:if test="$m/s:partnership">
      <p class="doc-kicker"><xsl:value-of select="$m/s:partnership"/></p>
    </xsl:if>
    <h1><xsl:value-of select="@c:title"/></h1>
    <xsl:if test="not(contains(@c:title, $m/s:body))">
      <p class="doc-body"><xsl:value-of select="$m/s:body"/></p>
    </xsl:if>
    <dl class="doc-meta">
      <div>
        <dt>Date</dt>
        <dd><time datetime="{$m/s:date}"><xsl:value-of select="@c:weekday-display"/></time></dd>
      </div>
      <xsl:if test="@c:start-display">
        <div>
          <dt>Time</dt>
          <dd>
            <xsl:value-of select="@c:start-display"/>
            <xsl:if test="@c:end-display">
              <xsl:text> to </xsl:text>
              <xsl:value-of select="@c:end-display"/>
            </xsl:if>
          </dd>
        </div>
      </xsl:if>
      <xsl:if test="$m/s:venue">
        <div>
          <dt>Venue</dt>
          <dd><xsl:value-of select="$m/s:venue"/></dd>
        </div>
      </xsl:if>
      <xsl:if test="@c:chair-name">
        <div>
          <dt>Chair</dt>
          <dd><xsl:value-of select="@c:chair-name"/></dd>
        </div>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- s:heading ranks below the nearest titled item: h2 for a top-level
       item, so a sub-heading in it is h3. -->
  <xsl:template name="section-rank">
    <xsl:value-of select="count(ancestor::s:item[s:title]) + 1"/>
  </xsl:template>

  <!-- ============================================================ attendance -->

  <xsl:template match="s:attendance">
    <xsl:choose>
      <xsl:when test="parent::s:minutes">
        <section class="attendance unnumbered" id="attendance" aria-labelledby="attendance-title">
          <h2 id="attendance-title">Attendance</h2>
          <xsl:call-template name="attendance-lists"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <div class="attendance">
          <xsl:call-template name="attendance-lists"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- side-by-side: present and apologies (when listed) in two columns,
       the other lists below; otherwise every list in source order. -->
  <xsl:template name="attendance-lists">
    <xsl:choose>
      <xsl:when test="@c:layout = 'side-by-side'">
        <xsl:variable name="pair" select="s:present | s:apologies[@c:style != 'sentence']"/>
        <div class="side-by-side">
          <xsl:apply-templates select="$pair"/>
        </div>
        <xsl:apply-templates select="*[count(. | $pair) != count($pair)]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The caption of one list: "Present (15)". -->
  <xsl:template name="attendees-caption">
    <xsl:choose>
      <xsl:when test="self::s:present">Present</xsl:when>
      <xsl:when test="self::s:apologies">Apologies</xsl:when>
      <xsl:when test="self::s:in-attendance">In attendance</xsl:when>
      <xsl:when test="self::s:observers">Observers</xsl:when>
    </xsl:choose>
    <xsl:if test="@c:count">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="@c:count"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="s:present | s:apologies | s:in-attendance | s:observers">
    <xsl:variable name="layout" select="../@c:layout"/>
    <xsl:choose>
      <xsl:when test="@c:style = 'sentence' or not(s:attendee)">
        <p class="attendance-sentence">
          <xsl:call-template name="attendees-sentence"/>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cap-id" select="concat('cap-', generate-id())"/>
        <xsl:call-template name="table-region">
          <xsl:with-param name="label-id" select="$cap-id"/>
          <xsl:with-param name="content">
            <table class="data attendees borders-rows layout-{$layout}">
              <caption id="{$cap-id}"><xsl:call-template name="attendees-caption"/></caption>
              <xsl:choose>
                <xsl:when test="$layout = 'by-organisation'">
                  <xsl:call-template name="attendees-by-org"/>
                </xsl:when>
                <xsl:when test="$layout = 'side-by-side'">
                  <xsl:call-template name="attendees-name-org"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="attendees-table"/>
                </xsl:otherwise>
              </xsl:choose>
            </table>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- layout table: Name | Post/Organisation | Role; a column nobody in
       this list fills is left out. -->
  <xsl:template name="attendees-table">
    <xsl:variable name="post" select="s:attendee[@c:post or @c:org-name]"/>
    <xsl:variable name="role" select="s:attendee[@role]"/>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <xsl:if test="$post"><th scope="col">Post/Organisation</th></xsl:if>
        <xsl:if test="$role"><th scope="col">Role</th></xsl:if>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="s:attendee">
        <tr>
          <th scope="row"><xsl:call-template name="attendee-name"/></th>
          <xsl:if test="$post">
            <td>
              <xsl:value-of select="@c:post"/>
              <xsl:if test="@c:post and @c:org-name">, </xsl:if>
              <xsl:value-of select="@c:org-name"/>
            </td>
          </xsl:if>
          <xsl:if test="$role"><td><xsl:value-of select="@role"/></td></xsl:if>
        </tr>
      </xsl:for-each>
    </tbody>
  </xsl:template>

  <!-- layout side-by-side: Name | Organisation. -->
  <xsl:template name="attendees-name-org">
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Organisation</th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="s:attendee">
        <tr>
          <th scope="row"><xsl:call-template name="attendee-name"/></th>
          <td>
            <xsl:value-of select="@c:org-name"/>
            <xsl:if test="@role">
              <xsl:if test="@c:org-name">, </xsl:if>
              <xsl:value-of select="@role"/>
            </xsl:if>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </xsl:template>

  <!-- layout by-organisation: one row per organisation, in the order the
       organisations first appear, with its people. -->
  <xsl:template name="attendees-by-org">
    <xsl:variable name="list" select="generate-id()"/>
    <thead>
      <tr>
        <th scope="col">Organisation</th>
        <th scope="col">Name</th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="s:attendee[generate-id() =
          generate-id(key('attendee-by-org', concat($list, '|', @c:org-name))[1])]">
        <tr>
          <th scope="row">
            <xsl:choose>
              <xsl:when test="@c:org-name"><xsl:value-of select="@c:org-name"/></xsl:when>
              <xsl:otherwise>Other</xsl:otherwise>
            </xsl:choose>
          </th>
          <td>
            <xsl:for-each select="key('attendee-by-org', concat($list, '|', @c:org-name))">
              <xsl:if test="position() != 1">, </xsl:if>
              <xsl:call-template name="attendee-name"/>
            </xsl:for-each>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </xsl:template>

  <!-- "Councillor C Hart (Chair)", "Clare Usherwood (representing Ian Bates)". -->
  <xsl:template name="attendee-name">
    <xsl:value-of select="@c:name"/>
    <xsl:if test="@c:chair = 'yes' or @c:representing-name or @part">
      <xsl:text> </xsl:text>
      <span class="attendee-note">
        <xsl:text>(</xsl:text>
        <xsl:call-template name="attendee-notes"/>
        <xsl:text>)</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="attendee-notes">
    <xsl:if test="@c:chair = 'yes'">Chair</xsl:if>
    <xsl:if test="@c:representing-name">
      <xsl:if test="@c:chair = 'yes'">; </xsl:if>
      <xsl:text>representing </xsl:text>
      <xsl:value-of select="@c:representing-name"/>
    </xsl:if>
    <xsl:if test="@part">
      <xsl:if test="@c:chair = 'yes' or @c:representing-name">; </xsl:if>
      <xsl:text>for </xsl:text>
      <xsl:value-of select="@part"/>
    </xsl:if>
  </xsl:template>

  <!-- One sentence: "Apologies for absence were submitted on behalf of
       X (Org), Y (Org) and Z (Org)." -->
  <xsl:template name="attendees-sentence">
    <xsl:choose>
      <xsl:when test="not(s:attendee)">
        <xsl:choose>
          <xsl:when test="self::s:apologies">There were no apologies for absence.</xsl:when>
          <xsl:when test="self::s:present">No one was recorded as present.</xsl:when>
          <xsl:when test="self::s:in-attendance">No one else was in attendance.</xsl:when>
          <xsl:otherwise>There were no observers.</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="self::s:apologies">Apologies for absence were submitted on behalf of </xsl:when>
          <xsl:when test="self::s:present">Present: </xsl:when>
          <xsl:when test="self::s:in-attendance">Also in attendance: </xsl:when>
          <xsl:otherwise>Observers: </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="s:attendee">
          <xsl:if test="position() != 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="@c:name"/>
          <xsl:if test="@c:org-short or @c:chair = 'yes' or @c:representing-name or @part">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="@c:org-short"/>
            <xsl:if test="@c:org-short and (@c:chair = 'yes' or @c:representing-name or @part)">; </xsl:if>
            <xsl:call-template name="attendee-notes"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ items -->

  <!-- A titled item is a <section> named by its heading (h2 at the top,
       h3 for sub-items…); an untitled one is a <div> with its number
       hanging beside its first paragraph. -->
  <xsl:template match="s:item">
    <xsl:variable name="rank" select="count(ancestor-or-self::s:item[s:title]) + 1"/>
    <xsl:variable name="h">
      <xsl:choose>
        <xsl:when test="$rank &gt; 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$rank"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="class">
      <xsl:text>item level-</xsl:text>
      <xsl:value-of select="@c:level"/>
      <xsl:if test="not(@c:number)"> unnumbered</xsl:if>
      <xsl:if test="parent::s:item and ../s:item[string-length(@c:number) &gt; 4]"> wide-num</xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="s:title">
        <section class="{$class}" id="{@c:id}" aria-labelledby="{@c:id}-title">
          <xsl:element name="h{$h}">
            <xsl:attribute name="id"><xsl:value-of select="concat(@c:id, '-title')"/></xsl:attribute>
            <xsl:attribute name="class">item-heading</xsl:attribute>
            <xsl:if test="@c:number">
              <span class="item-num"><xsl:value-of select="@c:number"/></span>
              <xsl:text> </xsl:text>
            </xsl:if>
            <span class="item-title"><xsl:apply-templates select="s:title/node()"/></span>
          </xsl:element>
          <xsl:call-template name="item-meta"/>
          <xsl:apply-templates select="*[not(self::s:title)]"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <div class="{$class} untitled" id="{@c:id}">
          <xsl:if test="@c:number">
            <span class="item-num"><xsl:value-of select="@c:number"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="item-meta"/>
          <xsl:apply-templates select="*"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Presented by …", "(min 21/10 refers)". -->
  <xsl:template name="item-meta">
    <xsl:if test="@c:presenter-names or @c:refers">
      <p class="item-meta">
        <xsl:if test="@c:refers">
          <span class="refers">
            <xsl:text>(min </xsl:text>
            <xsl:value-of select="@c:refers"/>
            <xsl:text> refers)</xsl:text>
          </span>
        </xsl:if>
        <xsl:if test="@c:refers and @c:presenter-names"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="@c:presenter-names">
          <span class="presenter">
            <xsl:text>Presented by </xsl:text>
            <xsl:value-of select="@c:presenter-names"/>
          </span>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ decisions -->

  <!-- "RESOLVED that …" / "RESOLVED …" / "AGREED: …" / "RECOMMENDED: …";
       parts follow as a list labelled by their c:number, "1)", "2)". -->
  <xsl:template match="s:resolved | s:agreed | s:recommendation">
    <xsl:variable name="lead" select="node()[not(self::s:part)][not(preceding-sibling::s:part)]"/>
    <xsl:variable name="after" select="node()[not(self::s:part)][preceding-sibling::s:part]"/>
    <xsl:variable name="has-lead" select="$lead[self::* or normalize-space(.) != '']"/>
    <div class="decision {local-name()}">
      <xsl:call-template name="copy-id"/>
      <p>
        <strong class="decision-label">
          <xsl:choose>
            <xsl:when test="self::s:resolved">RESOLVED</xsl:when>
            <xsl:when test="self::s:agreed">AGREED:</xsl:when>
            <xsl:otherwise>RECOMMENDED:</xsl:otherwise>
          </xsl:choose>
        </strong>
        <xsl:if test="self::s:resolved and not(@that = 'no')"> that</xsl:if>
        <xsl:choose>
          <xsl:when test="$has-lead">
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="$lead"/>
          </xsl:when>
          <xsl:when test="self::s:resolved">:</xsl:when>
        </xsl:choose>
      </p>
      <xsl:if test="s:part">
        <ol class="labelled parts">
          <xsl:for-each select="s:part">
            <li>
              <span class="label"><xsl:value-of select="@c:number"/></span>
              <xsl:text> </xsl:text>
              <xsl:apply-templates/>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:if>
      <xsl:if test="$after[self::* or normalize-space(.) != '']">
        <p><xsl:apply-templates select="$after"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ============================================================ actions -->

  <!-- An action, set off with its owner (and due date) on the right. -->
  <xsl:template match="s:action">
    <div id="{@c:id}">
      <xsl:attribute name="class">
        <xsl:text>action status-</xsl:text>
        <xsl:value-of select="@c:status"/>
        <xsl:if test="not(node())"> empty</xsl:if>
      </xsl:attribute>
      <p class="action-text">
        <strong class="action-label">Action:</strong>
        <xsl:if test="node()">
          <xsl:text> </xsl:text>
          <xsl:apply-templates/>
        </xsl:if>
      </p>
      <p class="action-owner">
        <span class="k">Owner: </span>
        <span class="v"><xsl:value-of select="@c:owner-names"/></span>
        <xsl:if test="@c:due-display">
          <span class="due">
            <span class="k">Due: </span>
            <time datetime="{@due}"><xsl:value-of select="@c:due-display"/></time>
          </span>
        </xsl:if>
        <xsl:if test="@c:status != 'open'">
          <span class="action-status">
            <xsl:call-template name="status-word">
              <xsl:with-param name="status" select="@c:status"/>
            </xsl:call-template>
          </span>
        </xsl:if>
      </p>
    </div>
  </xsl:template>

  <!-- open, ongoing, closed → Open, Ongoing, Closed. -->
  <xsl:template name="status-word">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'open'">Open</xsl:when>
      <xsl:when test="$status = 'ongoing'">Ongoing</xsl:when>
      <xsl:when test="$status = 'closed'">Closed</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The actions carried from the previous meeting. -->
  <xsl:template match="s:action-updates">
    <xsl:variable name="cap-id" select="concat('cap-', generate-id())"/>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$cap-id"/>
      <xsl:with-param name="content">
        <table class="data borders-grid action-updates">
          <caption id="{$cap-id}">
            <xsl:choose>
              <xsl:when test="@c:from-display">
                <xsl:text>Actions from the meeting of </xsl:text>
                <xsl:value-of select="@c:from-display"/>
              </xsl:when>
              <xsl:otherwise>Actions from the previous meeting</xsl:otherwise>
            </xsl:choose>
          </caption>
          <thead>
            <tr>
              <th scope="col" class="col-no">Number</th>
              <th scope="col">Action</th>
              <th scope="col">Lead</th>
              <th scope="col">Update</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="s:carried">
              <tr>
                <td class="col-no"><xsl:value-of select="@number"/></td>
                <td><xsl:apply-templates select="s:task/node()"/></td>
                <td><xsl:value-of select="@c:lead-names"/></td>
                <td><xsl:apply-templates select="s:progress/node()"/></td>
                <td class="status status-{@c:status}">
                  <xsl:call-template name="status-word">
                    <xsl:with-param name="status" select="@c:status"/>
                  </xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ declarations, next meeting -->

  <xsl:template match="s:declarations">
    <xsl:choose>
      <xsl:when test="@c:count = 0 or not(s:declaration)">
        <p class="declarations-none">None were declared.</p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="declarations">
          <xsl:for-each select="s:declaration">
            <li>
              <strong><xsl:value-of select="@c:by-name"/></strong>
              <xsl:if test="node()">
                <xsl:text>: </xsl:text>
                <xsl:apply-templates/>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="s:next-meeting">
    <xsl:choose>
      <xsl:when test="parent::s:minutes">
        <section class="next-meeting unnumbered" id="next-meeting" aria-labelledby="next-meeting-title">
          <h2 id="next-meeting-title">Date of next meeting</h2>
          <xsl:call-template name="next-meeting-text"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="next-meeting-text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "The next meeting will be held on Thursday, 7 July 2011 at 9.30am,
       Committee Room 2, County Hall, Chelmsford." then any note. -->
  <xsl:template name="next-meeting-text">
    <p class="next-meeting-when">
      <xsl:text>The next meeting will be held on </xsl:text>
      <strong><time datetime="{@date}"><xsl:value-of select="@c:date-display"/></time></strong>
      <xsl:if test="@c:time-display">
        <xsl:text> at </xsl:text>
        <xsl:value-of select="@c:time-display"/>
      </xsl:if>
      <xsl:if test="@venue">
        <xsl:text>, </xsl:text>
        <xsl:value-of select="@venue"/>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <xsl:if test="node()">
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- ============================================================ register -->

  <!-- The closing table of every action: No. | Action | Owner | Due | Item
       (and Status when any action is not open). -->
  <xsl:template match="c:register">
    <xsl:variable name="status" select="c:entry[@status != 'open']"/>
    <section class="register unnumbered" id="action-register" aria-labelledby="action-register-title">
      <h2 id="action-register-title">Actions</h2>
      <xsl:call-template name="table-region">
        <xsl:with-param name="label-id" select="'action-register-caption'"/>
        <xsl:with-param name="content">
          <table class="data borders-rows register-table">
            <caption id="action-register-caption">
              <xsl:text>Actions agreed at this meeting (</xsl:text>
              <xsl:value-of select="@count"/>
              <xsl:text>)</xsl:text>
            </caption>
            <thead>
              <tr>
                <th scope="col" class="col-no">No.</th>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Item</th>
                <xsl:if test="$status"><th scope="col">Status</th></xsl:if>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="c:entry">
                <xsl:variable name="item" select="key('item-by-number', @item)[1]"/>
                <tr>
                  <td class="col-no"><a href="#{@action}"><xsl:value-of select="@number"/></a></td>
                  <td><xsl:apply-templates/></td>
                  <td><xsl:value-of select="@owners"/></td>
                  <td class="nowrap"><xsl:value-of select="@due"/></td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="$item">
                        <a href="#{$item/@c:id}"><xsl:value-of select="@item"/></a>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="@item"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <xsl:if test="$status">
                    <td>
                      <xsl:call-template name="status-word">
                        <xsl:with-param name="status" select="@status"/>
                      </xsl:call-template>
                    </td>
                  </xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

</xsl:stylesheet>

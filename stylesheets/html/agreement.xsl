<?xml version="1.0" encoding="UTF-8"?>
<!-- agreement.xsl: the HTML page for a compiled Community Safety Agreement (cover, contents, numbered sections, the Agreement's tables, notes, glossary). -->
<!--
  One page: the header says whose Agreement it is, for which year, and
  links to the PDF; <main> holds the contents list where the author put
  it, the sections and appendices, then the Notes and the Glossary.
  Everything printed comes from the compiled tree (see common.xsl):
  section labels from @c:label, priority numbers and titles from
  @c:number / @c:title, leads from @c:lead, activity references from
  @c:ref, counts and the money total from the figures in c:derived.
  Tables carry their structure for assistive technology: a caption,
  th with scope, and one <tbody> per group (priority, year, members
  heading) opened by a th scope="rowgroup".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:agreement s:cover s:priorities s:priority
      s:section s:appendix s:target-leads s:indicators s:targets s:target
      s:priority-actions s:activities s:year s:activity s:membership
      c:derived"/>

  <!-- Indicators of one table under one priority. -->
  <xsl:key name="indicator-by-priority" match="s:indicators/s:indicator"
      use="concat(generate-id(..), '|', @priority)"/>
  <!-- Members of one table under one members-heading ('' before the first). -->
  <xsl:key name="member-by-heading" match="s:membership/s:member"
      use="concat(generate-id(..), '|', generate-id(preceding-sibling::s:members-heading[1]))"/>

  <xsl:variable name="draft" select="/s:agreement/@c:status = 'draft'"/>
  <!-- The "Back to contents" links need a contents list to go back to. -->
  <xsl:variable name="has-contents" select="boolean(/s:agreement/s:contents)"/>
  <!-- A priority's anchor (where "Priority 3" links) is its entry in the
       first priority list; with no list, its group in the first
       indicators table.  Only one place may carry each id. -->
  <xsl:variable name="priority-anchors"
      select="(//s:priority-list | //s:indicators[not(//s:priority-list)])[1]"/>

  <!-- ============================================================ page -->

  <xsl:template match="/s:agreement">
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="@c:lang"/>
      <xsl:with-param name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:value-of select="@c:title"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="@c:partnership"/>
      </xsl:with-param>
      <xsl:with-param name="body-class">
        <xsl:text>agreement</xsl:text>
        <xsl:if test="$draft"> draft</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="header">
        <xsl:call-template name="cover"/>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:apply-templates select="s:contents | s:section | s:appendix"/>
        <xsl:apply-templates select="s:footnotes"/>
        <xsl:apply-templates select="s:glossary">
          <xsl:with-param name="title" select="'Glossary'"/>
        </xsl:apply-templates>
      </xsl:with-param>
      <xsl:with-param name="footer">
        <p>
          <xsl:value-of select="@c:partnership"/>
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@c:title"/>
          <xsl:if test="@c:date-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:date-display"/>
          </xsl:if>
          <xsl:text>. </xsl:text>
          <xsl:if test="$draft">Draft: not yet agreed. </xsl:if>
          <a href="{$pdf-href}">The PDF of this Agreement</a>
          <xsl:text>.</xsl:text>
          <xsl:if test="@c:generator">
            <xsl:text> Produced with </xsl:text>
            <xsl:value-of select="@c:generator"/>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page header, as the cover: draft banner, logo, partnership,
       title with its year, subtitle, date, and the PDF. -->
  <xsl:template name="cover">
    <xsl:variable name="cover" select="s:cover"/>
    <xsl:if test="$draft">
      <p class="draft-banner"><strong>Draft</strong> – this Agreement has not yet been agreed.</p>
    </xsl:if>
    <xsl:apply-templates select="$cover/s:image"/>
    <p class="doc-kicker"><xsl:value-of select="@c:partnership"/></p>
    <h1><xsl:value-of select="@c:title"/></h1>
    <xsl:if test="$cover/s:subtitle">
      <p class="doc-body"><xsl:value-of select="$cover/s:subtitle"/></p>
    </xsl:if>
    <dl class="doc-meta">
      <xsl:if test="@c:date-display">
        <div>
          <dt>Date</dt>
          <dd><time datetime="{$cover/s:date}"><xsl:value-of select="@c:date-display"/></time></dd>
        </div>
      </xsl:if>
      <div>
        <dt>Print version</dt>
        <dd><a href="{$pdf-href}" type="application/pdf">Download the PDF</a></dd>
      </div>
    </dl>
  </xsl:template>

  <!-- ============================================================ contents -->

  <!-- Where the author put <contents/>: every section and appendix (csdoc
       marks them c:contents="yes"), with the sub-sections marked so
       nested under them; then the Notes and the Glossary, which the page
       adds at its end. -->
  <xsl:template match="s:contents">
    <nav class="contents" id="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">
        <xsl:choose>
          <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
          <xsl:otherwise>Contents</xsl:otherwise>
        </xsl:choose>
      </h2>
      <ol class="toc">
        <xsl:apply-templates select="../s:section[@c:contents = 'yes'] | ../s:appendix[@c:contents = 'yes']"
            mode="toc"/>
        <xsl:if test="../s:footnotes/s:footnote[@c:cited = 'yes']">
          <li class="toc-extra"><a href="#notes">Notes</a></li>
        </xsl:if>
        <xsl:if test="../s:glossary">
          <li class="toc-extra"><a href="#glossary">Glossary</a></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <!-- One entry, and the marked sub-sections whose nearest marked
       ancestor it is. -->
  <xsl:template match="s:section | s:appendix" mode="toc">
    <xsl:variable name="subs" select="(.//s:section | .//s:priority-actions)[@c:contents = 'yes']
        [generate-id(ancestor::*[@c:contents = 'yes'][1]) = generate-id(current())]"/>
    <li>
      <a href="#{@c:id}">
        <xsl:if test="@c:label">
          <xsl:attribute name="class">labelled</xsl:attribute>
          <span class="toc-label"><xsl:value-of select="@c:label"/></span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <span class="toc-title"><xsl:apply-templates select="s:title/node()" mode="flat"/></span>
      </a>
      <xsl:if test="$subs">
        <ol class="toc-sub">
          <xsl:apply-templates select="$subs" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A priority's actions listed in the contents, by their heading's words. -->
  <xsl:template match="s:priority-actions" mode="toc">
    <li>
      <a href="#{@c:id}">
        <span class="toc-title">
          <xsl:text>CSA Priority </xsl:text>
          <xsl:value-of select="@c:number"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="@c:title"/>
        </span>
      </a>
    </li>
  </xsl:template>

  <!-- ============================================================ sections -->

  <!-- s:heading and the "CSA Priority N" headings rank below the heading
       of the section they are in: h2 for a section, h3 for a sub-section. -->
  <xsl:template name="section-rank">
    <xsl:variable name="sec" select="ancestor-or-self::*[self::s:section or self::s:appendix][1]"/>
    <xsl:choose>
      <xsl:when test="$sec/@c:level"><xsl:value-of select="$sec/@c:level + 1"/></xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A section or appendix named by its heading: h2 for the top level
       ("SECTION ONE" over "Executive Summary"), h3 and below for
       sub-sections.  A top-level one ends with a way back to the contents. -->
  <xsl:template match="s:section | s:appendix">
    <xsl:variable name="rank">
      <xsl:call-template name="section-rank"/>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:choose>
        <xsl:when test="$rank &gt; 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$rank"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="{local-name()} level-{@c:level}" id="{@c:id}" aria-labelledby="{@c:id}-title">
      <xsl:element name="h{$h}">
        <xsl:attribute name="id"><xsl:value-of select="concat(@c:id, '-title')"/></xsl:attribute>
        <xsl:attribute name="class">section-heading</xsl:attribute>
        <xsl:if test="@c:label">
          <span class="section-label"><xsl:value-of select="@c:label"/></span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <span class="section-title"><xsl:apply-templates select="s:title/node()"/></span>
      </xsl:element>
      <xsl:apply-templates select="*[not(self::s:title)]"/>
      <xsl:if test="$has-contents and @c:level = 1">
        <p class="back-to-contents"><a href="#contents">Back to contents</a></p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ priorities -->

  <!-- The declared priorities, numbered, with their outcomes when asked. -->
  <xsl:template match="s:priority-list">
    <xsl:variable name="anchors" select="generate-id() = generate-id($priority-anchors)"/>
    <xsl:variable name="outcomes" select="@outcomes = 'yes'"/>
    <ol class="labelled priority-list">
      <xsl:for-each select="/s:agreement/s:priorities/s:priority">
        <li>
          <xsl:if test="$anchors">
            <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
          </xsl:if>
          <span class="label"><xsl:value-of select="@c:number"/>.</span>
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="s:title/node()"/>
          <xsl:if test="$outcomes and s:outcome">
            <ul class="outcomes">
              <xsl:for-each select="s:outcome">
                <li><xsl:apply-templates/></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- "CSA Priority 1: Reduce Re-offending", its paragraphs, then
       "Actions 2010/11:" and the numbered actions. -->
  <xsl:template match="s:priority-actions">
    <xsl:variable name="rank">
      <xsl:call-template name="section-rank"/>
    </xsl:variable>
    <xsl:variable name="h">
      <xsl:choose>
        <xsl:when test="$rank &gt;= 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$rank + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="priority-actions">
      <xsl:call-template name="copy-id"/>
      <xsl:element name="h{$h}">
        <xsl:attribute name="class">priority-actions-heading</xsl:attribute>
        <xsl:text>CSA Priority </xsl:text>
        <xsl:value-of select="@c:number"/>
        <xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="s:title"><xsl:apply-templates select="s:title/node()"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@c:title"/></xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <xsl:apply-templates select="s:p"/>
      <p class="actions-lead">
        <xsl:text>Actions </xsl:text>
        <xsl:value-of select="@year"/>
        <xsl:text>:</xsl:text>
      </p>
      <ol class="labelled actions">
        <xsl:for-each select="s:action">
          <li>
            <xsl:call-template name="copy-id"/>
            <span class="label"><xsl:value-of select="@c:label"/></span>
            <xsl:text> </xsl:text>
            <xsl:apply-templates/>
          </li>
        </xsl:for-each>
      </ol>
    </div>
  </xsl:template>

  <!-- ============================================================ tables -->

  <!-- The scrolling region and <table> every Agreement table shares.
       class: the table's own class; fallback: a caption where the author
       wrote none; content: colgroups, thead and tbodies. -->
  <xsl:template name="agreement-table">
    <xsl:param name="class"/>
    <xsl:param name="fallback"/>
    <xsl:param name="content"/>
    <xsl:variable name="caption-id" select="concat('cap-', generate-id())"/>
    <xsl:call-template name="table-region">
      <xsl:with-param name="label-id" select="$caption-id"/>
      <xsl:with-param name="content">
        <table class="data {$class}">
          <xsl:call-template name="copy-id"/>
          <xsl:call-template name="table-caption">
            <xsl:with-param name="caption-id" select="$caption-id"/>
            <xsl:with-param name="fallback" select="$fallback"/>
          </xsl:call-template>
          <xsl:copy-of select="$content"/>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Target area | Target lead. -->
  <xsl:template match="s:target-leads">
    <xsl:call-template name="agreement-table">
      <xsl:with-param name="class">borders-rows target-leads</xsl:with-param>
      <xsl:with-param name="fallback">Target areas and their leads</xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Target area</th>
            <th scope="col">Target lead</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="s:target-area">
            <tr>
              <xsl:call-template name="copy-id"/>
              <th scope="row"><xsl:apply-templates/></th>
              <td><xsl:value-of select="@c:lead"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The indicators grouped under their priorities, in the priorities'
       order: one <tbody> each, opened by "1. Reducing Re-offending". -->
  <xsl:template match="s:indicators">
    <xsl:variable name="table" select="generate-id()"/>
    <xsl:variable name="anchors" select="generate-id() = generate-id($priority-anchors)"/>
    <xsl:call-template name="agreement-table">
      <xsl:with-param name="class">borders-grid indicators</xsl:with-param>
      <xsl:with-param name="fallback">Indicators by priority</xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Priority / indicator</th>
            <th scope="col">Indicator code</th>
            <th scope="col">Lead</th>
          </tr>
        </thead>
        <xsl:for-each select="/s:agreement/s:priorities/s:priority">
          <xsl:variable name="rows" select="key('indicator-by-priority', concat($table, '|', @id))"/>
          <xsl:if test="$rows">
            <tbody>
              <tr class="group">
                <th scope="rowgroup" colspan="3">
                  <xsl:if test="$anchors">
                    <xsl:attribute name="id"><xsl:value-of select="@c:id"/></xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="@c:number"/>
                  <xsl:text>. </xsl:text>
                  <xsl:value-of select="@c:title"/>
                </th>
              </tr>
              <xsl:for-each select="$rows">
                <tr>
                  <xsl:call-template name="copy-id"/>
                  <th scope="row"><xsl:apply-templates/></th>
                  <td class="nowrap"><xsl:value-of select="@code"/></td>
                  <td><xsl:value-of select="@c:lead"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Indicators over time, with grouped headings:
       Indicator | Baseline (Original, Refresh) | Interim target YEAR
       (Target, Result) | County Target YEAR (Original, Refresh) | Target lead. -->
  <xsl:template match="s:targets">
    <xsl:call-template name="agreement-table">
      <xsl:with-param name="class">borders-grid targets</xsl:with-param>
      <xsl:with-param name="fallback">Indicators and targets</xsl:with-param>
      <xsl:with-param name="content">
        <colgroup><col class="col-indicator"/></colgroup>
        <colgroup span="2"/>
        <colgroup span="2"/>
        <colgroup span="2"/>
        <colgroup><col class="col-lead"/></colgroup>
        <thead>
          <tr>
            <th scope="col" rowspan="2">Indicator</th>
            <th scope="colgroup" colspan="2">Baseline</th>
            <th scope="colgroup" colspan="2">
              <xsl:text>Interim target </xsl:text>
              <xsl:value-of select="@interim"/>
            </th>
            <th scope="colgroup" colspan="2">
              <xsl:choose>
                <xsl:when test="@target-heading"><xsl:value-of select="@target-heading"/></xsl:when>
                <xsl:otherwise>Target</xsl:otherwise>
              </xsl:choose>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@year"/>
            </th>
            <th scope="col" rowspan="2">Target lead</th>
          </tr>
          <tr>
            <th scope="col">Original</th>
            <th scope="col">Refresh</th>
            <th scope="col">Target</th>
            <th scope="col">Result</th>
            <th scope="col">Original</th>
            <th scope="col">Refresh</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="s:target">
            <tr>
              <xsl:call-template name="copy-id"/>
              <th scope="row">
                <xsl:apply-templates select="s:measure/node()"/>
                <xsl:if test="@c:code">
                  <xsl:text> </xsl:text>
                  <span class="code"><xsl:value-of select="@c:code"/></span>
                </xsl:if>
              </th>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:baseline-original"/>
              </xsl:call-template>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:baseline-refresh"/>
              </xsl:call-template>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:interim-target"/>
              </xsl:call-template>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:interim-result"/>
              </xsl:call-template>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:target-original"/>
              </xsl:call-template>
              <xsl:call-template name="target-value">
                <xsl:with-param name="v" select="s:target-refresh"/>
              </xsl:call-template>
              <td><xsl:value-of select="@c:lead"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One value cell: the value, and where it comes from under it; an
       empty cell where the source gives no value. -->
  <xsl:template name="target-value">
    <xsl:param name="v"/>
    <td>
      <xsl:apply-templates select="$v/node()"/>
      <xsl:if test="$v/@source">
        <xsl:text> </xsl:text>
        <span class="source">
          <span class="visually-hidden">Source: </span>
          <xsl:value-of select="$v/@source"/>
        </span>
      </xsl:if>
    </td>
  </xsl:template>

  <!-- The schedule of key activities: one <tbody> per year, opened by
       "Year 3 2010/11"; each activity's status as a word, never as a
       colour alone; then what csdoc counted and added up. -->
  <xsl:template match="s:activities">
    <xsl:call-template name="agreement-table">
      <xsl:with-param name="class">borders-grid activities</xsl:with-param>
      <xsl:with-param name="fallback">Key activities</xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col" class="col-no">Ref</th>
            <th scope="col">Action</th>
            <th scope="col">Resources</th>
            <th scope="col">Progress</th>
            <th scope="col">Lead</th>
          </tr>
        </thead>
        <xsl:for-each select="s:year">
          <tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="5">
                <xsl:text>Year </xsl:text>
                <xsl:value-of select="@c:number"/>
                <xsl:text> </xsl:text>
                <xsl:value-of select="@period"/>
              </th>
            </tr>
            <xsl:for-each select="s:activity">
              <tr class="status-{@status}">
                <xsl:call-template name="copy-id"/>
                <th scope="row" class="col-no"><xsl:value-of select="@c:ref"/></th>
                <td><xsl:apply-templates select="s:task/node()"/></td>
                <td><xsl:apply-templates select="s:resources/node()"/></td>
                <td>
                  <span class="status status-{@status}"><xsl:value-of select="@c:status-label"/></span>
                  <xsl:if test="s:progress">
                    <xsl:text> </xsl:text>
                    <span class="progress"><xsl:apply-templates select="s:progress/node()"/></span>
                  </xsl:if>
                </td>
                <td><xsl:value-of select="@c:lead"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="c:derived" mode="activities"/>
  </xsl:template>

  <!-- "4 activities: 1 completed, 1 ongoing, 1 in progress and 1 planned.
       Sums of money in the resources column total £485,000." -->
  <xsl:template match="c:derived" mode="activities">
    <xsl:variable name="count" select="s:figure[@c:role = 'count']"/>
    <xsl:variable name="status" select="s:figure[@c:role = 'status']"/>
    <xsl:variable name="money" select="s:figure[@c:role = 'resources']"/>
    <p class="table-summary">
      <xsl:if test="$count">
        <xsl:apply-templates select="$count"/>
        <xsl:choose>
          <xsl:when test="$count/@c:value = 1"> activity</xsl:when>
          <xsl:otherwise> activities</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$status">: </xsl:if>
        <xsl:for-each select="$status">
          <xsl:if test="position() != 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:apply-templates select="."/>
          <xsl:text> </xsl:text>
          <!-- the label is a column heading's word ("In progress"); in a
               sentence it reads in lower case -->
          <xsl:value-of select="translate(@c:label, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:if>
      <xsl:if test="$money">
        <xsl:if test="$count"><xsl:text> </xsl:text></xsl:if>
        <xsl:text>Sums of money in the resources column total </xsl:text>
        <xsl:apply-templates select="$money"/>
        <xsl:text>.</xsl:text>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- Who sits on the partnership.  Members the law requires are shaded,
       as in the original, and also say so in a column of their own: the
       shading alone would reach neither a screen reader nor everyone who
       sees colour faintly.  A members-heading opens a new <tbody>. -->
  <xsl:template match="s:membership">
    <xsl:variable name="table" select="generate-id()"/>
    <xsl:call-template name="agreement-table">
      <xsl:with-param name="class">borders-rows membership</xsl:with-param>
      <xsl:with-param name="fallback">Members of the partnership</xsl:with-param>
      <xsl:with-param name="content">
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Position</th>
            <th scope="col">Required by legislation</th>
          </tr>
        </thead>
        <xsl:variable name="first" select="key('member-by-heading', concat($table, '|'))"/>
        <xsl:if test="$first">
          <tbody>
            <xsl:apply-templates select="$first"/>
          </tbody>
        </xsl:if>
        <xsl:for-each select="s:members-heading">
          <tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="3"><xsl:apply-templates/></th>
            </tr>
            <xsl:apply-templates select="key('member-by-heading', concat($table, '|', generate-id()))"/>
          </tbody>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- under the table, as a chart's key; the last column says the same in words -->
    <p class="legend">
      <span class="swatch shade" aria-hidden="true"></span>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@legend"><xsl:value-of select="@legend"/></xsl:when>
        <xsl:otherwise>Shaded: members required by legislation.</xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:apply-templates select="c:derived" mode="membership"/>
  </xsl:template>

  <xsl:template match="s:member">
    <tr>
      <xsl:if test="@c:shade = 'yes'">
        <xsl:attribute name="class">shade statutory</xsl:attribute>
      </xsl:if>
      <th scope="row">
        <xsl:choose>
          <xsl:when test="@c:name and not(node())"><xsl:value-of select="@c:name"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </th>
      <td><xsl:value-of select="@position"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="@c:shade = 'yes'">Yes</xsl:when>
          <xsl:otherwise>No</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- "38 members, of whom 17 are required by legislation." -->
  <xsl:template match="c:derived" mode="membership">
    <xsl:variable name="members" select="s:figure[@c:role = 'members']"/>
    <xsl:variable name="statutory" select="s:figure[@c:role = 'statutory']"/>
    <xsl:if test="$members">
      <p class="table-summary">
        <xsl:apply-templates select="$members"/>
        <xsl:choose>
          <xsl:when test="$members/@c:value = 1"> member</xsl:when>
          <xsl:otherwise> members</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$statutory">
          <xsl:text>, of whom </xsl:text>
          <xsl:apply-templates select="$statutory"/>
          <xsl:choose>
            <xsl:when test="$statutory/@c:value = 1"> is</xsl:when>
            <xsl:otherwise> are</xsl:otherwise>
          </xsl:choose>
          <xsl:text> required by legislation</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
